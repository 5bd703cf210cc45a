package com.vibrationfit.media.objects;

import java.time.Instant;
import java.util.UUID;

/** Metadata of an object; {@code download_url} is a short-lived presigned GET (null until uploaded). */
public record MediaObjectView(
        UUID id,
        UUID userId,
        String key,
        String purpose,
        String contentType,
        long sizeBytes,
        String state,
        String mediaUrl,
        String downloadUrl,
        Instant createdAt,
        Instant uploadedAt) {}
