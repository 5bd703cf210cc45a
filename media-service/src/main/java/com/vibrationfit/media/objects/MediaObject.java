package com.vibrationfit.media.objects;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An object a member uploads to S3: declared first (pending), confirmed once it is there (uploaded). */
@Entity
@Table(name = "media_objects")
public class MediaObject extends PanacheEntityBase {

    public static final String PENDING = "pending";
    public static final String UPLOADED = "uploaded";
    /**
     * The longest object key: {@code users/<uuid>/<purpose>/<uuid>.<extension>} is at most 103 characters (see
     * {@code UploadService.start}).
     */
    public static final int KEY_MAX_LENGTH = 128;

    @Id
    public UUID id;

    @Column(name = "user_id", nullable = false, updatable = false)
    public UUID userId;

    @Column(name = "s3_key", nullable = false, updatable = false)
    public String s3Key;

    @Column(nullable = false, updatable = false)
    public String purpose;

    @Column(name = "content_type", nullable = false, updatable = false)
    public String contentType;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    public long sizeBytes;

    @Column(nullable = false)
    public String state = PENDING;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "uploaded_at")
    public Instant uploadedAt;

    /** When the ticket's PUT URL dies; past it plus the configured margin, a pending object is expired. */
    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    /** The ETag S3 reported when the upload was completed: the bytes that were confirmed. */
    @Column(name = "etag")
    public String etag;
}
