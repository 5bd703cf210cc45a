package com.vibrationfit.assessment.greenline;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The categories below the Green Line in the member's latest completed assessment. */
public record BelowGreenLine(UUID assessmentId, Instant completedAt, List<Category> categories) {

    public record Category(String category, int score) {}
}
