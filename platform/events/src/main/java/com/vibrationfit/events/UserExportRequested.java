package com.vibrationfit.events;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code user.export.requested} on {@code identity.events}: the member asked for a copy of all their data.
 * Every service that stores member data writes its part of export {@code exportId} to S3 under the member's
 * prefix and announces it with {@link UserExportPartReady}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record UserExportRequested(UUID exportId, UUID userId, Instant requestedAt) {}
