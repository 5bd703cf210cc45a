package com.vibrationfit.assessment.bank;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The 84 questions one member answers: per category, in the canonical order, either the defaults or the
 * alternative set that fits them ({@code alternative} names it, null for the defaults).
 */
public record QuestionSet(int assessmentVersion, List<Category> categories) {

    public record Category(String key, String title, String alternative, List<Question> questions) {}

    public Optional<Question> question(String id) {
        return categories.stream()
                .flatMap(c -> c.questions().stream())
                .filter(q -> q.id().equals(id))
                .findFirst();
    }

    public Optional<Category> categoryOf(String questionId) {
        return categories.stream()
                .filter(c -> c.questions().stream().anyMatch(q -> q.id().equals(questionId)))
                .findFirst();
    }

    /** Question id to its category key, in the canonical order. */
    public Map<String, String> categoryByQuestion() {
        Map<String, String> byQuestion = new LinkedHashMap<>();
        categories.forEach(c -> c.questions().forEach(q -> byQuestion.put(q.id(), c.key())));
        return byQuestion;
    }

    public int size() {
        return categories.stream().mapToInt(c -> c.questions().size()).sum();
    }
}
