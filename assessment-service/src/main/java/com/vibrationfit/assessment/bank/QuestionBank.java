package com.vibrationfit.assessment.bank;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The Green Line question bank: data shipped in the service ({@code assessment/question-bank-v<N>.json}),
 * versioned by {@code assessment_version}, checked whole when loaded: the 12 categories in the canonical
 * order, 7 questions each (and per alternative set), ids {@code <category>_<n>} unique across the bank,
 * five answers worth 10, 8, 6, 4, 2 whose Green Line class is above, above, neutral, below, below; every text
 * within the bounds the API documents ({@link Question}, {@link Answer}, {@link CategoryQuestions}), so what is
 * stored from it keeps them too.
 */
public final class QuestionBank {

    /** The values of the assessment_category enum, in its order: the canonical order of every answer. */
    public static final List<String> CATEGORIES = List.of(
            "money",
            "health",
            "family",
            "romance",
            "social",
            "business",
            "fun",
            "travel",
            "home",
            "possessions",
            "giving",
            "spirituality");

    /** How many {@link #CATEGORIES} there are (a constant, for the bounds annotations state). */
    public static final int CATEGORY_COUNT = 12;

    public static final int QUESTIONS_PER_CATEGORY = 7;
    /** The questions of an assessment: the answers it holds at most. */
    public static final int QUESTIONS = CATEGORY_COUNT * QUESTIONS_PER_CATEGORY;

    public static final List<Integer> VALUES = List.of(10, 8, 6, 4, 2);
    private static final List<String> CLASSES =
            List.of(Answer.ABOVE, Answer.ABOVE, Answer.NEUTRAL, Answer.BELOW, Answer.BELOW);

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    record BankFile(int assessmentVersion, List<CategoryQuestions> categories) {}

    private final int version;
    private final List<CategoryQuestions> categories;

    private QuestionBank(int version, List<CategoryQuestions> categories) {
        this.version = version;
        this.categories = List.copyOf(categories);
    }

    public static QuestionBank load(InputStream json) {
        try {
            BankFile file = JSON.readValue(json, BankFile.class);
            check(file);
            return new QuestionBank(file.assessmentVersion(), file.categories());
        } catch (IOException e) {
            throw new IllegalStateException("the question bank is unreadable: " + e.getMessage(), e);
        }
    }

    /** The bank shipped in the service for {@code version}. */
    public static QuestionBank shipped(int version) {
        String path = "assessment/question-bank-v" + version + ".json";
        try (InputStream in = QuestionBank.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no question bank " + path);
            }
            return load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public int version() {
        return version;
    }

    public List<CategoryQuestions> categories() {
        return categories;
    }

    public Optional<CategoryQuestions> category(String key) {
        return categories.stream().filter(c -> c.key().equals(key)).findFirst();
    }

    /** The questions for a member: per category the first alternative set that applies to them, else the defaults. */
    public QuestionSet questionsFor(MemberCircumstances member) {
        List<QuestionSet.Category> chosen = new ArrayList<>();
        for (CategoryQuestions category : categories) {
            Optional<AlternativeSet> alternative = category.alternatives().stream()
                    .filter(set -> set.appliesTo(member))
                    .findFirst();
            chosen.add(new QuestionSet.Category(
                    category.key(),
                    category.title(),
                    alternative.map(AlternativeSet::appliesWhen).orElse(null),
                    alternative.map(AlternativeSet::questions).orElse(category.questions())));
        }
        return new QuestionSet(version, chosen);
    }

    private static void check(BankFile file) {
        List<String> keys =
                file.categories().stream().map(CategoryQuestions::key).toList();
        if (!keys.equals(CATEGORIES)) {
            throw new IllegalStateException(
                    "the bank's categories must be " + CATEGORIES + " in this order, not " + keys);
        }
        Set<String> ids = new HashSet<>();
        for (CategoryQuestions category : file.categories()) {
            requireLength(category.key(), "title", category.title(), CategoryQuestions.TITLE_MAX_LENGTH);
            checkSet(category.key(), category.questions(), ids);
            for (AlternativeSet alternative : category.alternatives()) {
                if (!Set.of(AlternativeSet.NOT_IN_RELATIONSHIP, AlternativeSet.NO_CHILDREN)
                        .contains(alternative.appliesWhen())) {
                    throw new IllegalStateException(
                            category.key() + ": unknown applies_when " + alternative.appliesWhen());
                }
                checkSet(category.key(), alternative.questions(), ids);
            }
        }
    }

    private static void checkSet(String category, List<Question> questions, Set<String> ids) {
        if (questions.size() != QUESTIONS_PER_CATEGORY) {
            throw new IllegalStateException(
                    category + ": " + questions.size() + " questions, not " + QUESTIONS_PER_CATEGORY);
        }
        for (Question question : questions) {
            if (!question.id().matches(category + "_[0-9]+") || !ids.add(question.id())) {
                throw new IllegalStateException(category + ": bad or repeated question id " + question.id());
            }
            if (question.text() == null
                    || question.text().isBlank()
                    || question.theme() == null
                    || question.theme().isBlank()) {
                throw new IllegalStateException(question.id() + ": text and theme are required");
            }
            requireLength(question.id(), "id", question.id(), Question.ID_MAX_LENGTH);
            requireLength(question.id(), "theme", question.theme(), Question.THEME_MAX_LENGTH);
            requireLength(question.id(), "text", question.text(), Question.TEXT_MAX_LENGTH);
            List<Integer> values =
                    question.answers().stream().map(Answer::value).toList();
            List<String> classes =
                    question.answers().stream().map(Answer::greenLine).toList();
            if (!values.equals(VALUES) || !classes.equals(CLASSES)) {
                throw new IllegalStateException(
                        question.id() + ": answers must be worth " + VALUES + " classed " + CLASSES);
            }
            if (question.answers().stream()
                    .anyMatch(a -> a.text() == null
                            || a.text().isBlank()
                            || a.emoji() == null
                            || a.emoji().isBlank())) {
                throw new IllegalStateException(question.id() + ": every answer needs its text and emoji");
            }
            for (Answer answer : question.answers()) {
                requireLength(question.id(), "answer text", answer.text(), Answer.TEXT_MAX_LENGTH);
                requireLength(question.id(), "answer emoji", answer.emoji(), Answer.EMOJI_MAX_LENGTH);
            }
        }
    }

    private static void requireLength(String where, String what, String text, int max) {
        if (text == null || text.isBlank() || text.length() > max) {
            throw new IllegalStateException(where + ": the " + what + " must be 1 to " + max + " characters");
        }
    }
}
