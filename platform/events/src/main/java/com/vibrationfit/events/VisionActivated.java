package com.vibrationfit.events;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.UUID;

/**
 * {@code vision.activated}: the member made an older complete version their active one. Completing a version makes
 * it active too ({@code vision.completed}); either way the latest of the two events names the active version.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record VisionActivated(UUID visionId, UUID userId, int versionNumber) {}
