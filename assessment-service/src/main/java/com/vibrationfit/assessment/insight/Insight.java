package com.vibrationfit.assessment.insight;

import com.vibrationfit.platform.json.Texts;
import java.math.BigDecimal;
import java.util.List;

/**
 * An insight as the rules produce it, before it is stored. Its title and description are made of the bank's texts
 * ({@link InsightRules}), well within the bounds below; they are cut to them all the same, so what is stored and
 * answered keeps the bounds the API documents.
 */
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

    public static final int TITLE_MAX_LENGTH = 300;
    public static final int DESCRIPTION_MAX_LENGTH = 3_000;

    public Insight {
        title = Texts.cut(title, TITLE_MAX_LENGTH);
        description = Texts.cut(description, DESCRIPTION_MAX_LENGTH);
    }
}
