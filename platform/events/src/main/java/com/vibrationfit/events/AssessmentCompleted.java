package com.vibrationfit.events;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code assessment.completed}: a member's finished Green Line assessment: the score per category (of 70),
 * the total (of 840), the Green Line per category ({@code above}, {@code transition}, {@code below}) and the
 * insights written for it. Maps are in the canonical category order.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AssessmentCompleted(
        UUID assessmentId,
        UUID userId,
        UUID profileVersionId,
        int assessmentVersion,
        int totalScore,
        int overallPercentage,
        Map<String, Integer> categoryScores,
        Map<String, String> greenLineStatus,
        List<Insight> insights,
        Instant completedAt) {

    /** One insight: {@code insight_type} is strength, growth_area, pattern or recommendation. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Insight(
            String category,
            String insightType,
            String title,
            String description,
            BigDecimal confidenceScore,
            List<String> supportingResponses) {}
}
