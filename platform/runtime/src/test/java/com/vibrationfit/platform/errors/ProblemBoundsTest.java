package com.vibrationfit.platform.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vibrationfit.platform.json.Texts;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What a request can put into a problem is cut to the bounds the OpenAPI document states (ContractFilter). */
class ProblemBoundsTest {

    @Test
    void shouldCutTheDetailTheFieldErrorsAndTheirNumber() {
        List<FieldError> errors = IntStream.range(0, Problem.MAX_ERRORS + 5)
                .mapToObj(i -> new FieldError("f".repeat(FieldError.FIELD_MAX_LENGTH + i), "m".repeat(5_000)))
                .toList();
        Problem problem = Problem.invalid("d".repeat(10_000), errors);
        assertEquals(Problem.DETAIL_MAX_LENGTH, problem.detail().length());
        assertTrue(problem.detail().endsWith("\u2026"));
        assertEquals(Problem.MAX_ERRORS, problem.errors().size());
        assertEquals(
                FieldError.FIELD_MAX_LENGTH, problem.errors().get(3).field().length());
        assertEquals(
                FieldError.MESSAGE_MAX_LENGTH, problem.errors().get(3).message().length());
        assertEquals("short", new FieldError("name", "short").message());
    }

    @Test
    void shouldNotSplitASurrogatePair() {
        String text = "a".repeat(8) + "\uD83D\uDE00" + "b";
        assertEquals("a".repeat(8) + "\u2026", Texts.cut(text, 10));
        assertEquals(text, Texts.cut(text, text.length()));
        assertEquals(null, Texts.cut(null, 10));
    }
}
