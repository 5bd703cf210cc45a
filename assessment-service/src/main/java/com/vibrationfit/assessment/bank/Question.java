package com.vibrationfit.assessment.bank;

import java.util.List;
import java.util.Optional;

/**
 * A question of the bank: id {@code <category>_<n>}, the {@code theme} it measures (a small shared vocabulary,
 * so insights can see the same theme in several categories), its text and five answers (10, 8, 6, 4, 2).
 */
public record Question(String id, String theme, String text, List<Answer> answers) {

    public Optional<Answer> answer(int value) {
        return answers.stream().filter(a -> a.value() == value).findFirst();
    }
}
