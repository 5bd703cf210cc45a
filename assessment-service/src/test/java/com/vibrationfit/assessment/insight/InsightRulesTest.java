package com.vibrationfit.assessment.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vibrationfit.assessment.bank.QuestionBank;
import com.vibrationfit.assessment.greenline.Scores;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InsightRulesTest {

    private static final List<String> THEMES =
            List.of("confidence", "stress", "clarity", "action", "time", "gratitude", "connection");
    private static final Map<String, String> TITLES = new LinkedHashMap<>();

    static {
        QuestionBank.CATEGORIES.forEach(c -> TITLES.put(c, c.substring(0, 1).toUpperCase() + c.substring(1)));
    }

    /** A category's 7 answers; question n has theme THEMES[n-1]. */
    private static List<InsightRules.Answered> category(String key, int... values) {
        List<InsightRules.Answered> answers = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            answers.add(new InsightRules.Answered(
                    key + "_" + (i + 1),
                    key,
                    THEMES.get(i),
                    "How is your " + key + " " + THEMES.get(i) + "?",
                    values[i],
                    key + " answer worth " + values[i]));
        }
        return answers;
    }

    private static List<Insight> insightsFor(List<InsightRules.Answered> answers) {
        Scores scores = Scores.of(answers.stream()
                .map(a -> new Scores.Answered(a.category(), a.value()))
                .toList());
        return InsightRules.of(answers, scores, TITLES);
    }

    private static List<Insight> ofType(List<Insight> insights, String type) {
        return insights.stream().filter(i -> i.insightType().equals(type)).toList();
    }

    /** health thrives, money struggles everywhere, business is low on confidence and stress, the rest sits at 6. */
    private static List<InsightRules.Answered> crafted() {
        List<InsightRules.Answered> answers = new ArrayList<>();
        for (String c : QuestionBank.CATEGORIES) {
            switch (c) {
                case "health" -> answers.addAll(category(c, 10, 10, 10, 10, 10, 10, 10));
                case "money" -> answers.addAll(category(c, 2, 2, 2, 2, 2, 2, 2));
                case "business" -> answers.addAll(category(c, 4, 4, 6, 6, 6, 6, 6));
                default -> answers.addAll(category(c, 6, 6, 6, 6, 6, 6, 6));
            }
        }
        return answers;
    }

    @Test
    void shouldNameStrengthsCitingTheAnswersThatCarryThem() {
        List<Insight> strengths = ofType(insightsFor(crafted()), Insight.STRENGTH);
        assertEquals(1, strengths.size());
        Insight health = strengths.get(0);
        assertEquals("health", health.category());
        assertEquals(new BigDecimal("1.00"), health.confidenceScore());
        assertEquals(7, health.supportingResponses().size());
        assertTrue(health.description().contains("70 of 70"), health.description());
        assertTrue(health.description().contains("\"health answer worth 10\""), health.description());
    }

    @Test
    void shouldNameGrowthAreasCitingTheLowestAnswers() {
        List<Insight> growth = ofType(insightsFor(crafted()), Insight.GROWTH_AREA);
        assertEquals(
                List.of("money", "business"),
                growth.stream().map(Insight::category).toList());
        assertEquals(new BigDecimal("1.00"), growth.get(0).confidenceScore());
        assertEquals(new BigDecimal("0.71"), growth.get(1).confidenceScore()); // 0.60 + 0.40 x 2/7
        assertEquals(List.of("business_1", "business_2"), growth.get(1).supportingResponses());
    }

    @Test
    void shouldFindTheSameLowThemeInSeveralCategoriesAndABigGap() {
        List<Insight> patterns = ofType(insightsFor(crafted()), Insight.PATTERN);
        Insight confidence = patterns.stream()
                .filter(p -> p.title().endsWith(": confidence"))
                .findFirst()
                .orElseThrow();
        assertEquals("money", confidence.category(), "filed under the lowest of the categories sharing it");
        assertEquals(new BigDecimal("0.70"), confidence.confidenceScore()); // 0.40 + 0.15 x 2
        assertEquals(List.of("money_1", "business_1"), confidence.supportingResponses());
        assertTrue(patterns.stream().anyMatch(p -> p.title().endsWith(": stress")));
        Insight gap = patterns.stream()
                .filter(p -> p.title().startsWith("A big gap"))
                .findFirst()
                .orElseThrow();
        assertEquals("A big gap between Health and Money", gap.title());
        assertEquals(new BigDecimal("1.00"), gap.confidenceScore()); // 56 points apart
    }

    @Test
    void shouldRecommendANextStepPerGrowthAreaPointingAtItsVisionSection() {
        List<Insight> recommendations = ofType(insightsFor(crafted()), Insight.RECOMMENDATION);
        assertEquals(
                List.of("money", "business"),
                recommendations.stream().map(Insight::category).toList());
        assertEquals(new BigDecimal("0.90"), recommendations.get(0).confidenceScore());
        assertEquals(new BigDecimal("0.64"), recommendations.get(1).confidenceScore()); // 0.9 x 0.71
        assertTrue(recommendations.get(0).description().contains("section \"money\""));
        assertEquals(List.of("money_1"), recommendations.get(0).supportingResponses());
    }

    @Test
    void shouldFindNoGapUnder28PointsAndRecommendForTheLowestTransitionWhenNothingIsBelow() {
        List<InsightRules.Answered> answers = new ArrayList<>();
        for (String c : QuestionBank.CATEGORIES) {
            answers.addAll(
                    c.equals("travel")
                            ? category(c, 8, 8, 8, 8, 8, 6, 4) // 50: transition, the lowest
                            : category(c, 10, 10, 10, 8, 8, 8, 8)); // 62: above
        }
        List<Insight> insights = insightsFor(answers);
        assertEquals(0, ofType(insights, Insight.GROWTH_AREA).size());
        assertTrue(ofType(insights, Insight.PATTERN).isEmpty(), "12 points apart, one low answer: no pattern");
        List<Insight> recommendations = ofType(insights, Insight.RECOMMENDATION);
        assertEquals(1, recommendations.size());
        assertEquals("travel", recommendations.get(0).category());
        assertEquals(new BigDecimal("0.50"), recommendations.get(0).confidenceScore());
        assertEquals(List.of("travel_7"), recommendations.get(0).supportingResponses());
        assertEquals(11, ofType(insights, Insight.STRENGTH).size());
    }
}
