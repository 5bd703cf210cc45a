package com.vibrationfit.assessment.bank;

import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A question of the bank: id {@code <category>_<n>}, the {@code theme} it measures (a small shared vocabulary,
 * so insights can see the same theme in several categories), its text and five answers (10, 8, 6, 4, 2). The bank
 * is checked against the bounds below when it is loaded ({@link QuestionBank}).
 */
public record Question(
        @Schema(maxLength = Question.ID_MAX_LENGTH) String id,
        @Schema(maxLength = Question.THEME_MAX_LENGTH) String theme,
        @Schema(maxLength = Question.TEXT_MAX_LENGTH) String text,

        @Schema(minItems = Question.ANSWERS, maxItems = Question.ANSWERS)
        List<Answer> answers) {

    public static final int ID_MAX_LENGTH = 50;
    public static final int THEME_MAX_LENGTH = 50;
    public static final int TEXT_MAX_LENGTH = 500;
    /** Worth 10, 8, 6, 4 and 2. */
    public static final int ANSWERS = 5;

    public Optional<Answer> answer(int value) {
        return answers.stream().filter(a -> a.value() == value).findFirst();
    }
}
