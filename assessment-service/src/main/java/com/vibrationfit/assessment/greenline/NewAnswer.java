package com.vibrationfit.assessment.greenline;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code PUT /api/v1/assessments/{id}/responses/{question_id}}: the value only; the rest comes from the bank. */
@Schema(name = "AnswerRequest")
public record NewAnswer(
        @NotNull @Schema(enumeration = {"2", "4", "6", "8", "10"})
        Integer responseValue) {}
