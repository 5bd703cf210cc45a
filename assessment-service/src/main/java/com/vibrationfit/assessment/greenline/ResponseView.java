package com.vibrationfit.assessment.greenline;

import com.vibrationfit.assessment.bank.Answer;
import com.vibrationfit.assessment.bank.Question;
import com.vibrationfit.events.LifeCategory;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An answer as the API returns it: the columns of {@code assessment_responses}, copied from the bank. */
@Schema(name = "AssessmentResponse")
public record ResponseView(
        UUID id,
        UUID assessmentId,
        @Schema(maxLength = Question.ID_MAX_LENGTH) String questionId,
        @Schema(maxLength = Question.TEXT_MAX_LENGTH) String questionText,

        @Schema(type = SchemaType.STRING, implementation = LifeCategory.class)
        String category,

        @Schema(enumeration = {"2", "4", "6", "8", "10"}) int responseValue,
        @Schema(maxLength = Answer.TEXT_MAX_LENGTH) String responseText,
        @Schema(maxLength = Answer.EMOJI_MAX_LENGTH) String responseEmoji,

        @Schema(enumeration = {Answer.ABOVE, Answer.NEUTRAL, Answer.BELOW})
        String greenLine,

        Instant answeredAt,
        Instant createdAt,
        Instant updatedAt) {}
