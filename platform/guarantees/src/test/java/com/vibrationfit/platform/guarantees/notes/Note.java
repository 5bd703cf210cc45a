package com.vibrationfit.platform.guarantees.notes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** The test application's one aggregate: a member's note, and how often it was liked (a row of {@code notes}). */
@Entity
@Table(name = "notes")
public class Note extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "user_id", nullable = false, updatable = false)
    public UUID userId;

    @Column(nullable = false)
    public String body = "";

    /** Incremented by every {@code note.liked} applied: an event applied twice would count twice. */
    @Column(nullable = false)
    public int likes;
}
