package com.vibrationfit.vision.board;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Something a member pinned on their vision board: a row of {@code vision_board_items}. */
@Entity
@Table(name = "vision_board_items")
public class BoardItem extends PanacheEntityBase {

    public static final int NAME_MAX_LENGTH = 200;
    public static final int DESCRIPTION_MAX_LENGTH = 5_000;
    /** One of each of the 12 life categories at most. */
    public static final int MAX_CATEGORIES = 12;

    @Id
    public UUID id;

    @Column(name = "user_id", nullable = false, updatable = false)
    public UUID userId;

    @Column(nullable = false)
    public String name;

    public String description;

    @Column(name = "image_url")
    public String imageUrl;

    @Column(columnDefinition = "text[]")
    public List<String> categories = new ArrayList<>();

    @Column(nullable = false)
    public String status = BoardItemStatus.ACTIVE.value();

    @Column(name = "actualized_at")
    public Instant actualizedAt;

    @Column(name = "created_at", updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public List<String> categoryList() {
        return categories == null ? List.of() : List.copyOf(categories);
    }
}
