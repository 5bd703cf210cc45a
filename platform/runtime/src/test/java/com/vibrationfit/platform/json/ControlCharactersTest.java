package com.vibrationfit.platform.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ControlCharactersTest {

    @Test
    void shouldAllowTabLineFeedCarriageReturnAndEveryPrintableCharacter() {
        assertEquals(
                Optional.empty(),
                ControlCharacters.problemWith("line\tone\r\nline two \u00e9 \u20ac \uD83D\uDE00 \u0085"));
        assertEquals(Optional.empty(), ControlCharacters.problemWith(""));
        assertEquals(Optional.empty(), ControlCharacters.problemWith(null));
    }

    @Test
    void shouldRefuseEveryOtherC0ControlAndDel() {
        for (char c = 0; c < 0x20; c++) {
            boolean allowed = c == '\t' || c == '\n' || c == '\r';
            assertEquals(allowed, ControlCharacters.problemWith("a" + c).isEmpty(), "U+" + (int) c);
        }
        assertTrue(ControlCharacters.problemWith("\u007f").orElseThrow().contains("U+007F at index 0"));
    }

    @Test
    void shouldRefuseUnpairedSurrogates() {
        assertTrue(ControlCharacters.problemWith("a\uD83D").orElseThrow().contains("U+D83D at index 1"));
        assertTrue(ControlCharacters.problemWith("\uDE00b").orElseThrow().contains("U+DE00 at index 0"));
    }
}
