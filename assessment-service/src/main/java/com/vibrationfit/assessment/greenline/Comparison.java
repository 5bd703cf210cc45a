package com.vibrationfit.assessment.greenline;

import java.util.List;
import java.util.UUID;

/** {@code GET /api/v1/assessments/compare}: per category, both scores, the change and any Green Line crossed. */
public record Comparison(
        UUID fromId, UUID toId, int fromTotal, int toTotal, int totalChange, List<Category> categories) {

    /** {@code crossed}: {@code up} or {@code down} when the Green Line status changed, else null. */
    public record Category(
            String category,
            int fromScore,
            int toScore,
            int change,
            String fromStatus,
            String toStatus,
            String crossed) {}
}
