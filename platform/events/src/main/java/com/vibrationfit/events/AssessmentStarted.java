package com.vibrationfit.events;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.UUID;

/** {@code assessment.started}: a member began a Green Line assessment (bank version {@code assessment_version}). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AssessmentStarted(
        UUID assessmentId, UUID userId, UUID profileVersionId, int assessmentVersion, Instant startedAt) {}
