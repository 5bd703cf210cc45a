package com.vibrationfit.events;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.UUID;

/** {@code vision.deleted}: a draft vision was deleted; whatever other services derived from it can go. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record VisionDeleted(UUID visionId, UUID userId, int versionNumber) {}
