package com.vibrationfit.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class ContentHashTest {

    @Test
    void shouldTrimAndCollapseWhitespace() {
        assertEquals("I live by the sea.", ContentHash.normalise("  I live\tby the\n\n sea. \r\n"));
    }

    @Test
    void shouldTreatNullAsEmpty() {
        assertEquals("", ContentHash.normalise(null));
        assertEquals(ContentHash.of(""), ContentHash.of(null));
        assertEquals(ContentHash.of(""), ContentHash.of(" \n\t "));
    }

    @Test
    void shouldGiveTheSameHashToTextsThatOnlyDifferInWhitespace() {
        assertEquals(ContentHash.of("I am healthy and strong."), ContentHash.of("I am  healthy\nand strong.  "));
    }

    @Test
    void shouldGiveTheSameHashToComposedAndDecomposedUnicode() {
        String composed = "caf\u00e9 in Cura\u00e7ao";
        String decomposed = "cafe\u0301 in Curac\u0327ao";
        assertNotEquals(composed, decomposed);
        assertEquals(ContentHash.of(composed), ContentHash.of(decomposed));
    }

    @Test
    void shouldCollapseNonBreakingAndOtherUnicodeSpaces() {
        assertEquals("a b c", ContentHash.normalise("a\u00a0b\u2003c"));
    }

    @Test
    void shouldDistinguishDifferentWords() {
        assertNotEquals(ContentHash.of("I run daily."), ContentHash.of("I ran daily."));
    }

    @Test
    void shouldKeepCaseAndPunctuationBecauseTheyChangeTheNarration() {
        assertNotEquals(ContentHash.of("Yes."), ContentHash.of("yes?"));
    }

    @Test
    void shouldBeLowerCaseHexSha256() {
        // SHA-256 of the empty string, a published constant.
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", ContentHash.of(""));
        assertEquals(64, ContentHash.of("anything").length());
    }
}
