package com.vibrationfit.events;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.UUID;

/** {@code vision.completed}: every category section is written and the member marked the vision complete. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record VisionCompleted(
        UUID visionId, UUID userId, int versionNumber, String title, List<SectionSnapshot> sections) {}
