package com.vibrationfit.assessment.insight;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An insight as the API returns it: the columns of {@code assessment_insights}. */
@Schema(name = "AssessmentInsight")
public record InsightView(
        UUID id,
        UUID assessmentId,
        String category,

        @Schema(enumeration = {"strength", "growth_area", "pattern", "recommendation"})
        String insightType,

        String title,
        String description,
        BigDecimal confidenceScore,

        @Schema(description = "question ids the insight rests on")
        List<String> supportingResponses,

        Instant createdAt,
        Instant updatedAt) {}
