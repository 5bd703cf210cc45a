package com.vibrationfit.assessment.bank;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One of a question's five answers: worth 2, 4, 6, 8 or 10, with its Green Line class (above, neutral, below). The
 * bank is checked against these bounds when it is loaded ({@link QuestionBank}), so every answer stored from it
 * keeps them too.
 */
public record Answer(
        @Schema(enumeration = {"2", "4", "6", "8", "10"}) int value,
        @Schema(maxLength = Answer.TEXT_MAX_LENGTH) String text,
        @Schema(maxLength = Answer.EMOJI_MAX_LENGTH) String emoji,

        @Schema(enumeration = {Answer.ABOVE, Answer.NEUTRAL, Answer.BELOW})
        String greenLine) {

    public static final int TEXT_MAX_LENGTH = 200;
    /** An emoji may be a sequence of code points joined by zero-width joiners (👨‍👩‍👧‍👦 is 11 chars). */
    public static final int EMOJI_MAX_LENGTH = 32;

    public static final String ABOVE = "above";
    public static final String NEUTRAL = "neutral";
    public static final String BELOW = "below";
}
