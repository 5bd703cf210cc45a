package com.vibrationfit.media.narration;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/** Narration of one vision section's text: a row of {@code audio_tracks}. */
@Entity
@Table(name = "audio_tracks")
public class AudioTrack extends PanacheEntityBase {

    public static final String PENDING = "pending";
    public static final String PROCESSING = "processing";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";

    /** The most of a failure's reason a track keeps. */
    public static final int ERROR_MESSAGE_MAX_LENGTH = 2_000;
    /** A voice a member may ask for ({@link NewRegeneration}) or a provider's default voice is configured as. */
    public static final int VOICE_ID_MAX_LENGTH = 100;
    /** Lower-case hex SHA-256 of the text (ContentHash). */
    public static final int CONTENT_HASH_LENGTH = 64;

    @Id
    public UUID id;

    @Column(name = "user_id", nullable = false, updatable = false)
    public UUID userId;

    @Column(name = "vision_id", nullable = false, updatable = false)
    public UUID visionId;

    @Column(name = "section_key", nullable = false, updatable = false)
    public String sectionKey;

    @Column(name = "content_hash", nullable = false, updatable = false)
    public String contentHash;

    @Column(name = "text_content", nullable = false)
    public String textContent;

    @Column(name = "voice_id", nullable = false)
    public String voiceId;

    @Column(name = "s3_bucket", nullable = false)
    public String s3Bucket;

    @Column(name = "s3_key", nullable = false)
    public String s3Key;

    @Column(name = "audio_url", nullable = false)
    public String audioUrl;

    @Column(name = "duration_seconds")
    public Integer durationSeconds;

    @Column(nullable = false)
    @ColumnTransformer(write = "?::audio_generation_status")
    public String status = PENDING;

    @Column(name = "error_message")
    public String errorMessage;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
