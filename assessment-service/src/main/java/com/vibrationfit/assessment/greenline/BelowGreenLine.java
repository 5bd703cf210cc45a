package com.vibrationfit.assessment.greenline;

import com.vibrationfit.assessment.bank.QuestionBank;
import com.vibrationfit.events.LifeCategory;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The categories below the Green Line in the member's latest completed assessment. */
public record BelowGreenLine(
        UUID assessmentId,
        Instant completedAt,
        @Schema(maxItems = QuestionBank.CATEGORY_COUNT) List<Category> categories) {

    @Schema(name = "BelowGreenLineCategory")
    public record Category(
            @Schema(type = SchemaType.STRING, implementation = LifeCategory.class)
            String category,

            int score) {}
}
