package com.vibrationfit.platform.json;

/** Text held to the length the API documents for it. */
public final class Texts {

    private Texts() {}

    /**
     * {@code text} cut to at most {@code max} characters, the last one an ellipsis, without splitting a surrogate
     * pair; null and text within the bound are returned as they are.
     */
    public static String cut(String text, int max) {
        if (max < 2) {
            throw new IllegalArgumentException("max must be at least 2, not " + max);
        }
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "\u2026";
    }
}
