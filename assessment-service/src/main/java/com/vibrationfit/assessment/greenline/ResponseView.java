package com.vibrationfit.assessment.greenline;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An answer as the API returns it: the columns of {@code assessment_responses}. */
@Schema(name = "AssessmentResponse")
public record ResponseView(
        UUID id,
        UUID assessmentId,
        String questionId,
        String questionText,
        String category,
        int responseValue,
        String responseText,
        String responseEmoji,
        @Schema(enumeration = {"above", "neutral", "below"}) String greenLine,
        Instant answeredAt,
        Instant createdAt,
        Instant updatedAt) {}
