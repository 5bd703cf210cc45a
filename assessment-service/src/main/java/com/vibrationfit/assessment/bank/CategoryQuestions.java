package com.vibrationfit.assessment.bank;

import java.util.List;

/** A category of the bank: its key (a value of the {@code assessment_category} enum), title, 7 questions and alternatives. */
public record CategoryQuestions(String key, String title, List<Question> questions, List<AlternativeSet> alternatives) {

    public static final int TITLE_MAX_LENGTH = 100;
}
