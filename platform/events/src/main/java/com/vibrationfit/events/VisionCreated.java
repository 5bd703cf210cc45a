package com.vibrationfit.events;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.UUID;

/** {@code vision.created}: a member started a new vision version. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record VisionCreated(
        UUID visionId, UUID userId, int versionNumber, String status, String title, List<SectionSnapshot> sections) {}
