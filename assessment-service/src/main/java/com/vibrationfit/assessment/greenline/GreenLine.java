package com.vibrationfit.assessment.greenline;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a category's score (of 70: 7 questions worth 2 to 10) stands against the Green Line, as the original app's
 * {@code green_line_status} defines it: 80 % and up is above (56-70), 60-79 % in transition (42-55), below
 * 60 % below (14-41).
 */
public enum GreenLine {
    ABOVE(GreenLine.ABOVE_KEY),
    TRANSITION(GreenLine.TRANSITION_KEY),
    BELOW(GreenLine.BELOW_KEY);

    public static final String ABOVE_KEY = "above";
    public static final String TRANSITION_KEY = "transition";
    public static final String BELOW_KEY = "below";

    public static final int CATEGORY_MAX = 70;
    public static final int ABOVE_FROM = 56;
    public static final int TRANSITION_FROM = 42;

    private final String key;

    GreenLine(String key) {
        this.key = key;
    }

    @JsonValue
    public String key() {
        return key;
    }

    public static GreenLine of(int categoryScore) {
        if (categoryScore < 0 || categoryScore > CATEGORY_MAX) {
            throw new IllegalArgumentException("a category scores 0 to " + CATEGORY_MAX + ", not " + categoryScore);
        }
        if (categoryScore >= ABOVE_FROM) {
            return ABOVE;
        }
        return categoryScore >= TRANSITION_FROM ? TRANSITION : BELOW;
    }

    public static GreenLine fromKey(String key) {
        for (GreenLine line : values()) {
            if (line.key.equals(key)) {
                return line;
            }
        }
        throw new IllegalArgumentException("unknown Green Line status " + key);
    }
}
