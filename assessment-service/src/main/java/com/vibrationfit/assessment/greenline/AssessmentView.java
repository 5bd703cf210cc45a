package com.vibrationfit.assessment.greenline;

import com.vibrationfit.assessment.bank.QuestionBank;
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

        @Schema(enumeration = {AssessmentResult.NOT_STARTED, AssessmentResult.IN_PROGRESS, AssessmentResult.COMPLETED})
        String status,

        int totalScore,
        int maxPossibleScore,
        int overallPercentage,

        @Schema(
                description = "sum per category (of 70), every category, canonical order",
                maxProperties = QuestionBank.CATEGORY_COUNT)
        Map<String, Integer> categoryScores,

        @Schema(
                description = "above / transition / below per fully answered category",
                maxProperties = QuestionBank.CATEGORY_COUNT,
                additionalProperties = GreenLine.class)
        Map<String, String> greenLineStatus,

        Instant startedAt,
        Instant completedAt,
        Instant createdAt,
        Instant updatedAt,
        int assessmentVersion,

        @Schema(maxLength = AssessmentResult.NOTES_MAX_LENGTH)
        String notes,

        @Schema(description = "questions answered so far") int answeredQuestions,

        @Schema(description = "questions in this assessment (84)")
        int totalQuestions) {}
