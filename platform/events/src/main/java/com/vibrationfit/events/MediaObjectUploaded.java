package com.vibrationfit.events;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.UUID;

/** {@code media.object.uploaded}: an upload was confirmed; its media_url may now be referenced. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record MediaObjectUploaded(
        UUID objectId,
        UUID userId,
        String key,
        String mediaUrl,
        String purpose,
        String contentType,
        long sizeBytes,
        Instant uploadedAt) {}
