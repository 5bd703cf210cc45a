package com.vibrationfit.aiusage.viva;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A VIVA thread: its mode, optional area and vision, and how many messages it holds. */
@Entity
@Table(name = "conversations")
public class Conversation {

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public UUID userId;

    public String title;

    @Column(nullable = false)
    public String mode;

    public String category;

    public UUID visionId;

    @Column(nullable = false)
    public int messageCount;

    public Instant lastMessageAt;

    @Column(nullable = false, updatable = false)
    public Instant createdAt;

    @Column(nullable = false)
    public Instant updatedAt;
}
