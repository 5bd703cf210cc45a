package com.vibrationfit.assessment.insight;

import com.vibrationfit.assessment.bank.Question;
import com.vibrationfit.assessment.bank.QuestionBank;
import com.vibrationfit.events.LifeCategory;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An insight as the API returns it: the columns of {@code assessment_insights}. */
@Schema(name = "AssessmentInsight")
public record InsightView(
        UUID id,
        UUID assessmentId,

        @Schema(type = SchemaType.STRING, implementation = LifeCategory.class)
        String category,

        @Schema(enumeration = {Insight.STRENGTH, Insight.GROWTH_AREA, Insight.PATTERN, Insight.RECOMMENDATION})
        String insightType,

        @Schema(maxLength = Insight.TITLE_MAX_LENGTH) String title,
        @Schema(maxLength = Insight.DESCRIPTION_MAX_LENGTH) String description,
        @Schema(minimum = "0", maximum = "1") BigDecimal confidenceScore,

        @Schema(description = "question ids the insight rests on", maxItems = QuestionBank.QUESTIONS)
        List<@Size(max = Question.ID_MAX_LENGTH) String> supportingResponses,

        Instant createdAt,
        Instant updatedAt) {}
