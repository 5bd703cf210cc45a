package com.vibrationfit.assessment.greenline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.vibrationfit.assessment.bank.QuestionBank;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScoresTest {

    @ParameterizedTest
    @CsvSource({"70,above", "56,above", "55,transition", "42,transition", "41,below", "14,below", "0,below"})
    void shouldPlaceEveryBoundaryOnTheRightSideOfTheGreenLine(int score, String line) {
        assertEquals(line, GreenLine.of(score).key());
    }

    @Test
    void shouldRefuseImpossibleCategoryScores() {
        assertThrows(IllegalArgumentException.class, () -> GreenLine.of(71));
        assertThrows(IllegalArgumentException.class, () -> GreenLine.of(-1));
    }

    /** Seven answers of one category summing to {@code sum} (each 2..10, even). */
    static List<Scores.Answered> category(String key, int... values) {
        List<Scores.Answered> answers = new ArrayList<>();
        for (int value : values) {
            answers.add(new Scores.Answered(key, value));
        }
        return answers;
    }

    @Test
    void shouldScoreTheBoundaryAnswerSetsOfACategory() {
        // 56 = 8 x 7: exactly 80 %, above; 54 is the highest sum below it (sums are even), in transition.
        assertEquals(
                "above",
                Scores.of(category("money", 8, 8, 8, 8, 8, 8, 8))
                        .greenLineStatus()
                        .get("money"));
        assertEquals(
                "transition",
                Scores.of(category("money", 8, 8, 8, 8, 8, 8, 6))
                        .greenLineStatus()
                        .get("money"));
        // 42 = 6 x 7: exactly 60 %, in transition; 40 below.
        assertEquals(
                "transition",
                Scores.of(category("money", 6, 6, 6, 6, 6, 6, 6))
                        .greenLineStatus()
                        .get("money"));
        assertEquals(
                "below",
                Scores.of(category("money", 6, 6, 6, 6, 6, 6, 4))
                        .greenLineStatus()
                        .get("money"));
        assertEquals(
                "below",
                Scores.of(category("money", 2, 2, 2, 2, 2, 2, 2))
                        .greenLineStatus()
                        .get("money"));
        assertEquals(
                14,
                Scores.of(category("money", 2, 2, 2, 2, 2, 2, 2))
                        .categoryScores()
                        .get("money"));
    }

    @Test
    void shouldGiveAPartlyAnsweredCategoryNoStatusYet() {
        Scores scores = Scores.of(category("health", 10, 10, 10, 10, 10, 10));
        assertEquals(60, scores.categoryScores().get("health"));
        assertFalse(scores.greenLineStatus().containsKey("health"));
        assertEquals(12, scores.categoryScores().size(), "every category is listed, 0 when unanswered");
        assertEquals(0, scores.categoryScores().get("money"));
    }

    @Test
    void shouldScoreAWhole84AnswerAssessmentExactly() {
        // Category i (0..11) answers 2 + (i mod 5) * 2 to every question: 2,4,6,8,10,2,4,...
        List<Scores.Answered> answers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            int value = 2 + (i % 5) * 2;
            for (int q = 0; q < 7; q++) {
                answers.add(new Scores.Answered(QuestionBank.CATEGORIES.get(i), value));
            }
        }
        Scores scores = Scores.of(answers);
        assertEquals(
                List.of(14, 28, 42, 56, 70, 14, 28, 42, 56, 70, 14, 28),
                List.copyOf(scores.categoryScores().values()));
        assertEquals(
                List.of(
                        "below",
                        "below",
                        "transition",
                        "above",
                        "above",
                        "below",
                        "below",
                        "transition",
                        "above",
                        "above",
                        "below",
                        "below"),
                List.copyOf(scores.greenLineStatus().values()));
        assertEquals(462, scores.totalScore());
        assertEquals(55, scores.overallPercentage()); // 462 / 840 = 55 %
        assertEquals(84, scores.answered());
        assertEquals(
                List.copyOf(QuestionBank.CATEGORIES),
                List.copyOf(scores.categoryScores().keySet()));
    }

    @Test
    void shouldRoundTheOverallPercentageToTheNearestWholeNumber() {
        List<Scores.Answered> answers = new ArrayList<>(category("money", 10, 10, 10, 10, 10, 10, 10));
        answers.add(new Scores.Answered("health", 8)); // 78 / 840 = 9.29 %
        assertEquals(9, Scores.of(answers).overallPercentage());
        answers.add(new Scores.Answered("health", 6)); // 84 / 840 = 10 %
        assertEquals(10, Scores.of(answers).overallPercentage());
    }
}
