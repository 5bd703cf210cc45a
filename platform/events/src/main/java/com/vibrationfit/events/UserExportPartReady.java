package com.vibrationfit.events;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code user.export.part.ready} on {@code identity.events}: {@code service} wrote its part of export
 * {@code exportId} to the S3 object {@code objectKey} ({@code sizeBytes} bytes of JSON listing
 * {@code fileCount} media files to carry). profile-service assembles the archive once every part arrived.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record UserExportPartReady(
        UUID exportId,
        UUID userId,
        String service,
        String objectKey,
        long sizeBytes,
        int fileCount,
        Instant writtenAt) {}
