package com.vibrationfit.vision.lifevision;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One version of a member's Life Vision: a row of {@code vision_versions}. Extends PanacheEntityBase
 * only so that public field access is routed through Hibernate's tracked accessors.
 */
@Entity
@Table(name = "vision_versions")
public class Vision extends PanacheEntityBase {

    public static final String DRAFT = "draft";
    public static final String COMPLETE = "complete";
    /** Longest title a vision may have. */
    public static final int TITLE_MAX_LENGTH = 200;

    @Id
    public UUID id;

    @Column(name = "user_id", nullable = false, updatable = false)
    public UUID userId;

    @Column(nullable = false)
    public String title = "";

    @Column(name = "version_number", nullable = false, updatable = false)
    public int versionNumber;

    public String forward = "";
    public String fun = "";
    public String travel = "";
    public String home = "";
    public String family = "";
    public String romance = "";
    public String health = "";
    public String money = "";
    public String business = "";
    public String social = "";
    public String possessions = "";
    public String giving = "";
    public String spirituality = "";
    public String conclusion = "";

    @Column(nullable = false)
    public String status = DRAFT;

    /** The member's active version: complete, and at most one per member (completing or activating sets it). */
    @Column(name = "is_active", nullable = false)
    public boolean isActive;

    @Column(name = "completion_percentage", nullable = false)
    public int completionPercentage;

    @Column(name = "last_audio_generated_at")
    public Instant lastAudioGeneratedAt;

    @Column(name = "created_at", updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public boolean isComplete() {
        return COMPLETE.equals(status);
    }
}
