package com.vibrationfit.assessment.insight;

import java.math.BigDecimal;
import java.util.List;

/** An insight as the rules produce it, before it is stored. */
public record Insight(
        String category,
        String insightType,
        String title,
        String description,
        BigDecimal confidenceScore,
        List<String> supportingResponses) {

    public static final String STRENGTH = "strength";
    public static final String GROWTH_AREA = "growth_area";
    public static final String PATTERN = "pattern";
    public static final String RECOMMENDATION = "recommendation";
}
