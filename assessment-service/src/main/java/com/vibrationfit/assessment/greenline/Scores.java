package com.vibrationfit.assessment.greenline;

import com.vibrationfit.assessment.bank.QuestionBank;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The arithmetic of an assessment, recomputed from its answers on every answer: the sum per category (of 70),
 * the total (of 840), the overall percentage (total × 100 / 840, rounded to the nearest whole number) and the
 * Green Line of each category whose 7 questions are all answered (a partly answered category has no status yet).
 */
public record Scores(
        Map<String, Integer> categoryScores,
        int totalScore,
        int overallPercentage,
        Map<String, String> greenLineStatus,
        int answered) {

    public static final int MAX_POSSIBLE = QuestionBank.CATEGORIES.size() * GreenLine.CATEGORY_MAX;

    /** One answer: its category key and value. */
    public record Answered(String category, int value) {}

    public static Scores of(Iterable<Answered> answers) {
        Map<String, Integer> sums = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        QuestionBank.CATEGORIES.forEach(key -> {
            sums.put(key, 0);
            counts.put(key, 0);
        });
        int total = 0;
        int answered = 0;
        for (Answered answer : answers) {
            if (!sums.containsKey(answer.category())) {
                throw new IllegalArgumentException("unknown category " + answer.category());
            }
            sums.merge(answer.category(), answer.value(), Integer::sum);
            counts.merge(answer.category(), 1, Integer::sum);
            total += answer.value();
            answered++;
        }
        Map<String, String> lines = new LinkedHashMap<>();
        sums.forEach((key, sum) -> {
            if (counts.get(key) >= QuestionBank.QUESTIONS_PER_CATEGORY) {
                lines.put(key, GreenLine.of(sum).key());
            }
        });
        int percentage = (int) Math.round(total * 100.0 / MAX_POSSIBLE);
        return new Scores(sums, total, percentage, lines, answered);
    }
}
