package com.vibrationfit.assessment.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vibrationfit.events.LifeCategory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QuestionBankTest {

    private final QuestionBank bank = QuestionBank.shipped(1);

    @Test
    void shouldShip84QuestionsInTheCanonicalOrder() {
        assertEquals(1, bank.version());
        assertEquals(
                QuestionBank.CATEGORIES,
                bank.categories().stream().map(CategoryQuestions::key).toList());
        QuestionSet defaults = bank.questionsFor(MemberCircumstances.UNKNOWN);
        assertEquals(84, defaults.size());
        Set<String> ids = new HashSet<>(defaults.categoryByQuestion().keySet());
        assertEquals(84, ids.size());
        assertTrue(ids.contains("money_1") && ids.contains("spirituality_7"));
        for (CategoryQuestions category : bank.categories()) {
            for (Question question : category.questions()) {
                assertEquals(
                        List.of(10, 8, 6, 4, 2),
                        question.answers().stream().map(Answer::value).toList());
                assertEquals(
                        List.of("above", "above", "neutral", "below", "below"),
                        question.answers().stream().map(Answer::greenLine).toList());
            }
        }
    }

    @Test
    void shouldOfferTheAlternativeSetsOnlyToMembersTheyFit() {
        QuestionSet unknown = bank.questionsFor(MemberCircumstances.UNKNOWN);
        QuestionSet partnered = bank.questionsFor(new MemberCircumstances(true, true));
        QuestionSet single = bank.questionsFor(new MemberCircumstances(false, true));
        QuestionSet childless = bank.questionsFor(new MemberCircumstances(true, false));
        QuestionSet both = bank.questionsFor(new MemberCircumstances(false, false));

        assertTrue(unknown.question("romance_1").isPresent(), "unknown circumstances: the defaults");
        assertTrue(partnered.question("romance_1").isPresent()
                && partnered.question("family_1").isPresent());
        assertTrue(single.question("romance_8").isPresent()
                && single.question("romance_1").isEmpty());
        assertEquals("not_in_relationship", single.categories().get(3).alternative());
        assertTrue(single.question("family_1").isPresent());
        assertTrue(childless.question("family_8").isPresent()
                && childless.question("family_1").isEmpty());
        assertEquals("no_children", childless.categories().get(2).alternative());
        assertTrue(both.question("romance_14").isPresent()
                && both.question("family_14").isPresent());
        assertNull(both.categories().get(0).alternative());
        for (QuestionSet set : List.of(unknown, partnered, single, childless, both)) {
            assertEquals(84, set.size());
        }
    }

    @Test
    void shouldRefuseABrokenBank() {
        String oneCategory = """
                {"assessment_version": 2, "categories": [{"key": "money", "title": "Money", "questions": [], "alternatives": []}]}""";
        IllegalStateException refused = assertThrows(
                IllegalStateException.class,
                () -> QuestionBank.load(new ByteArrayInputStream(oneCategory.getBytes(StandardCharsets.UTF_8))));
        assertTrue(refused.getMessage().contains("categories"), refused.getMessage());
    }

    @Test
    void shouldNameTheCategoriesTheApiDocumentsAsLifeCategories() {
        // Category keys are documented with the LifeCategory enum, and the bounds count on CATEGORY_COUNT.
        assertEquals(QuestionBank.CATEGORIES.size(), QuestionBank.CATEGORY_COUNT);
        assertEquals(Set.copyOf(LifeCategory.keys()), Set.copyOf(QuestionBank.CATEGORIES));
    }

    @Test
    void shouldRefuseABankWhoseTextsExceedTheDocumentedBounds() {
        String bank = QuestionBankTest.shippedJson();
        String longText = "x".repeat(Question.TEXT_MAX_LENGTH + 1);
        String broken = bank.replaceFirst("\"text\": *\"[^\"]*\"", "\"text\": \"" + longText + "\"");
        IllegalStateException refused = assertThrows(
                IllegalStateException.class,
                () -> QuestionBank.load(new ByteArrayInputStream(broken.getBytes(StandardCharsets.UTF_8))));
        assertTrue(refused.getMessage().contains(Question.TEXT_MAX_LENGTH + " characters"), refused.getMessage());
    }

    private static String shippedJson() {
        try (InputStream in =
                QuestionBankTest.class.getClassLoader().getResourceAsStream("assessment/question-bank-v1.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
