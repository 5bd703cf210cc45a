package com.vibrationfit.assessment.greenline;

import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/assessments}; both optional (an empty body is fine). */
public record NewAssessment(
        @Schema(description = "one of your profile versions; default your active profile (when known)")
        UUID profileVersionId,

        @Size(max = AssessmentResult.NOTES_MAX_LENGTH) String notes) {}
