package com.vibrationfit.events;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.UUID;

/** {@code assessment.deleted}: a member deleted one of their assessments (its answers and insights with it). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AssessmentDeleted(UUID assessmentId, UUID userId) {}
