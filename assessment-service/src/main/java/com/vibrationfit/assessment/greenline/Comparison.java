package com.vibrationfit.assessment.greenline;

import com.vibrationfit.assessment.bank.QuestionBank;
import com.vibrationfit.events.LifeCategory;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code GET /api/v1/assessments/compare}: per category, both scores, the change and any Green Line crossed. */
public record Comparison(
        UUID fromId,
        UUID toId,
        int fromTotal,
        int toTotal,
        int totalChange,

        @Schema(description = "every category, canonical order", maxItems = QuestionBank.CATEGORY_COUNT)
        List<Category> categories) {

    /** The Green Line status rose (below to transition, say). */
    public static final String UP = "up";
    /** The Green Line status fell. */
    public static final String DOWN = "down";

    /** {@code crossed}: {@code up} or {@code down} when the Green Line status changed, else null. */
    @Schema(name = "ComparedCategory")
    public record Category(
            @Schema(type = SchemaType.STRING, implementation = LifeCategory.class)
            String category,

            int fromScore,
            int toScore,
            int change,

            @Schema(enumeration = {GreenLine.ABOVE_KEY, GreenLine.TRANSITION_KEY, GreenLine.BELOW_KEY})
            String fromStatus,

            @Schema(enumeration = {GreenLine.ABOVE_KEY, GreenLine.TRANSITION_KEY, GreenLine.BELOW_KEY})
            String toStatus,

            @Schema(
                    enumeration = {UP, DOWN},
                    nullable = true)
            String crossed) {}
}
