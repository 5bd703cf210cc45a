package com.vibrationfit.assessment.greenline;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An assessment as the API returns it: the columns of {@code assessment_results}, plus progress. */
@Schema(name = "Assessment")
public record AssessmentView(
        UUID id,
        UUID userId,
        UUID profileVersionId,

        @Schema(enumeration = {"not_started", "in_progress", "completed"})
        String status,

        int totalScore,
        int maxPossibleScore,
        int overallPercentage,

        @Schema(description = "sum per category (of 70), every category, canonical order")
        Map<String, Integer> categoryScores,

        @Schema(description = "above / transition / below per fully answered category")
        Map<String, String> greenLineStatus,

        Instant startedAt,
        Instant completedAt,
        Instant createdAt,
        Instant updatedAt,
        int assessmentVersion,
        String notes,
        @Schema(description = "questions answered so far") int answeredQuestions,

        @Schema(description = "questions in this assessment (84)")
        int totalQuestions) {}
