package com.vibrationfit.assessment.insight;

import com.vibrationfit.assessment.bank.QuestionBank;
import com.vibrationfit.assessment.greenline.GreenLine;
import com.vibrationfit.assessment.greenline.Scores;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The insights written when an assessment is completed: plain rules over its answers, no model needed.
 *
 * <ul>
 * <li><b>strength</b>, per category above the Green Line: cites its answers worth 8 or 10. Confidence
 * 0.60 + 0.40 × (answers worth 8 or 10) / 7.</li>
 * <li><b>growth_area</b>, per category below it: cites its answers worth 2 or 4. Confidence
 * 0.60 + 0.40 × (answers worth 2 or 4) / 7.</li>
 * <li><b>pattern</b>, the same low theme: a question theme answered 2 or 4 in at least two categories (the three
 * themes spread widest). Filed under the lowest of those categories; confidence 0.40 + 0.15 × categories, at
 * most 0.95. And a big gap: the best and the worst category 28 points (40 %) or more apart; filed under the
 * worst; confidence 0.50 + (gap − 28) / 56, at most 1.</li>
 * <li><b>recommendation</b>, per growth area: a concrete next step for that category starting from its lowest
 * answer, and the matching Life Vision section to write. Confidence 0.9 × the growth area's. With no category
 * below the line, the lowest category in transition gets one, at 0.50.</li>
 * </ul>
 * Confidence is rounded to two decimals (the column is NUMERIC(3,2)); supporting_responses name question ids.
 */
public final class InsightRules {

    /** An answer as the rules see it. */
    public record Answered(
            String questionId, String category, String theme, String questionText, int value, String answerText) {}

    static final int GAP = 28;

    /**
     * The most insights an assessment gets: a strength or a growth area per category, a recommendation per growth
     * area (or one), three shared low themes and one gap.
     */
    public static final int MAX_INSIGHTS = 2 * QuestionBank.CATEGORY_COUNT + 4;

    private static final Map<String, String> NEXT_STEPS = Map.ofEntries(
            Map.entry(
                    "money",
                    "Spend ten minutes this week looking at where your money goes, without judging it, and choose one small change you feel good about."),
            Map.entry(
                    "health",
                    "Pick one daily habit you can keep for seven days (a walk, an earlier night, water before coffee) and tick it off each evening."),
            Map.entry("family", "Plan one unhurried hour with someone you call family this week, with phones away."),
            Map.entry(
                    "romance",
                    "Write down three things that make you feel loved and share one of them, with a partner or with yourself."),
            Map.entry(
                    "social",
                    "Reach out to one friend you miss today with a short message, and suggest a time to meet."),
            Map.entry(
                    "business",
                    "Write the one result that would make this month's work feel meaningful, and block an hour for it first thing."),
            Map.entry(
                    "fun",
                    "Put one thing you do purely for joy in your calendar this week, and protect it like a meeting."),
            Map.entry(
                    "travel",
                    "Choose a place within reach you have never been to and set a date to go, even for a day."),
            Map.entry("home", "Clear and refresh one small corner of your home this weekend so it feels like yours."),
            Map.entry(
                    "possessions",
                    "List the three things you own that add most to your days, and one you could let go of."),
            Map.entry("giving", "Offer one hour or one skill to someone this month, and notice how it feels."),
            Map.entry(
                    "spirituality",
                    "Give yourself five quiet minutes each morning this week to breathe, reflect or give thanks."));

    private InsightRules() {}

    public static List<Insight> of(List<Answered> answers, Scores scores, Map<String, String> titles) {
        Map<String, List<Answered>> byCategory = new LinkedHashMap<>();
        QuestionBank.CATEGORIES.forEach(key -> byCategory.put(key, new ArrayList<>()));
        answers.forEach(a -> byCategory.get(a.category()).add(a));

        List<Insight> insights = new ArrayList<>();
        List<Insight> growthAreas = new ArrayList<>();
        for (String category : QuestionBank.CATEGORIES) {
            String line = scores.greenLineStatus().get(category);
            List<Answered> own = byCategory.get(category);
            int score = scores.categoryScores().get(category);
            String title = titles.getOrDefault(category, category);
            if (GreenLine.ABOVE.key().equals(line)) {
                List<Answered> high =
                        sorted(own.stream().filter(a -> a.value() >= 8).toList(), true);
                insights.add(new Insight(
                        category,
                        Insight.STRENGTH,
                        "A strength: " + title,
                        "Your " + title + " is above the Green Line (" + score + " of 70). What carries it: "
                                + quoted(high) + ". Keep doing what works here; it can lift other areas too.",
                        confidence(0.60 + 0.40 * high.size() / own.size()),
                        ids(high)));
            } else if (GreenLine.BELOW.key().equals(line)) {
                List<Answered> low =
                        sorted(own.stream().filter(a -> a.value() <= 4).toList(), false);
                Insight growth = new Insight(
                        category,
                        Insight.GROWTH_AREA,
                        "Room to grow: " + title,
                        "Your " + title + " is below the Green Line (" + score + " of 70). What weighs most: "
                                + quoted(low) + ". This is where a small change will be felt most.",
                        confidence(0.60 + 0.40 * low.size() / own.size()),
                        ids(low));
                insights.add(growth);
                growthAreas.add(growth);
            }
        }
        insights.addAll(sharedLowThemes(byCategory, scores, titles));
        gap(byCategory, scores, titles).ifPresent(insights::add);
        insights.addAll(recommendations(byCategory, scores, titles, growthAreas));
        if (insights.size() > MAX_INSIGHTS) {
            throw new IllegalStateException(insights.size() + " insights, more than the " + MAX_INSIGHTS + " possible");
        }
        return insights;
    }

    private static List<Insight> sharedLowThemes(
            Map<String, List<Answered>> byCategory, Scores scores, Map<String, String> titles) {
        Map<String, Map<String, List<Answered>>> lowByTheme = new TreeMap<>();
        byCategory.forEach((category, own) -> own.stream()
                .filter(a -> a.value() <= 4)
                .forEach(a -> lowByTheme
                        .computeIfAbsent(a.theme(), t -> new LinkedHashMap<>())
                        .computeIfAbsent(category, c -> new ArrayList<>())
                        .add(a)));
        return lowByTheme.entrySet().stream()
                .filter(e -> e.getValue().size() >= 2)
                .sorted(Comparator.comparing((Map.Entry<String, Map<String, List<Answered>>> e) ->
                                -e.getValue().size())
                        .thenComparing(Map.Entry::getKey))
                .limit(3)
                .map(e -> {
                    String theme = e.getKey().replace('_', ' ');
                    List<String> categories = List.copyOf(e.getValue().keySet());
                    String lowest = categories.stream()
                            .min(Comparator.comparing(
                                    c -> scores.categoryScores().get(c)))
                            .orElseThrow();
                    String names = categories.stream()
                            .map(c -> titles.getOrDefault(c, c))
                            .collect(Collectors.joining(", "));
                    List<Answered> cited =
                            e.getValue().values().stream().flatMap(List::stream).toList();
                    return new Insight(
                            lowest,
                            Insight.PATTERN,
                            "The same low theme: " + theme,
                            "Questions about " + theme + " score low in " + categories.size() + " areas: " + names
                                    + ". It may be one root rather than several problems: working on " + theme
                                    + " once can lift them together.",
                            confidence(Math.min(0.95, 0.40 + 0.15 * categories.size())),
                            ids(cited));
                })
                .toList();
    }

    private static Optional<Insight> gap(
            Map<String, List<Answered>> byCategory, Scores scores, Map<String, String> titles) {
        Map<String, Integer> complete = new LinkedHashMap<>();
        scores.greenLineStatus()
                .keySet()
                .forEach(c -> complete.put(c, scores.categoryScores().get(c)));
        if (complete.size() < 2) {
            return Optional.empty();
        }
        String best = complete.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .orElseThrow()
                .getKey();
        String worst = complete.entrySet().stream()
                .min(Map.Entry.comparingByValue())
                .orElseThrow()
                .getKey();
        int gap = complete.get(best) - complete.get(worst);
        if (gap < GAP) {
            return Optional.empty();
        }
        String high = titles.getOrDefault(best, best);
        String low = titles.getOrDefault(worst, worst);
        List<Answered> cited = new ArrayList<>(
                sorted(byCategory.get(best).stream().filter(a -> a.value() >= 8).toList(), true));
        cited.addAll(sorted(
                byCategory.get(worst).stream().filter(a -> a.value() <= 4).toList(), false));
        return Optional.of(new Insight(
                worst,
                Insight.PATTERN,
                "A big gap between " + high + " and " + low,
                high + " scores " + complete.get(best) + " while " + low + " scores " + complete.get(worst)
                        + " of 70. The confidence, habits and support that work in " + high + " are worth bringing to "
                        + low + ".",
                confidence(Math.min(1.0, 0.50 + (gap - GAP) / 56.0)),
                ids(cited)));
    }

    private static List<Insight> recommendations(
            Map<String, List<Answered>> byCategory,
            Scores scores,
            Map<String, String> titles,
            List<Insight> growthAreas) {
        List<Insight> recommendations = new ArrayList<>();
        for (Insight growth : growthAreas) {
            recommendations.add(recommendation(
                    growth.category(),
                    byCategory,
                    titles,
                    confidence(0.9 * growth.confidenceScore().doubleValue())));
        }
        if (growthAreas.isEmpty()) {
            scores.greenLineStatus().entrySet().stream()
                    .filter(e -> GreenLine.TRANSITION.key().equals(e.getValue()))
                    .map(Map.Entry::getKey)
                    .min(Comparator.comparing(c -> scores.categoryScores().get(c)))
                    .ifPresent(c -> recommendations.add(recommendation(c, byCategory, titles, confidence(0.50))));
        }
        return recommendations;
    }

    private static Insight recommendation(
            String category,
            Map<String, List<Answered>> byCategory,
            Map<String, String> titles,
            BigDecimal confidence) {
        String title = titles.getOrDefault(category, category);
        Answered lowest = sorted(byCategory.get(category), false).get(0);
        return new Insight(
                category,
                Insight.RECOMMENDATION,
                "A next step for " + title,
                NEXT_STEPS.get(category) + " Start where it is hardest today: \"" + lowest.questionText()
                        + "\" Then write the "
                        + title + " section of your Life Vision (section \"" + category + "\") in the present tense, "
                        + "as if it were already true.",
                confidence,
                List.of(lowest.questionId()));
    }

    private static List<Answered> sorted(List<Answered> answers, boolean highestFirst) {
        Comparator<Answered> byValue = Comparator.comparingInt(Answered::value);
        return answers.stream()
                .sorted((highestFirst ? byValue.reversed() : byValue).thenComparing(Answered::questionId))
                .toList();
    }

    private static String quoted(List<Answered> answers) {
        return answers.stream().limit(2).map(a -> "\"" + a.answerText() + "\"").collect(Collectors.joining(" and "));
    }

    private static List<String> ids(List<Answered> answers) {
        return answers.stream().map(Answered::questionId).toList();
    }

    private static BigDecimal confidence(double value) {
        return BigDecimal.valueOf(Math.max(0, Math.min(1, value))).setScale(2, RoundingMode.HALF_UP);
    }
}
