package com.vibrationfit.assessment.bank;

import java.util.List;

/** A category of the bank: its key (the seed's {@code assessment_category}), title, 7 questions and alternatives. */
public record CategoryQuestions(String key, String title, List<Question> questions, List<AlternativeSet> alternatives) {
}
