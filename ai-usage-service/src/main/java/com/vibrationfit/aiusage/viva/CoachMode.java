package com.vibrationfit.aiusage.viva;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** How VIVA works in a thread: each mode has its own system prompt and offline question. */
public enum CoachMode {
    /** Drafting a vision, one category at a time. */
    VISION_BUILDER("vision_builder"),
    /** Sharpening a written draft. */
    REFINEMENT("refinement"),
    /** Living the vision: next steps. */
    COACH("coach"),
    /** All twelve areas at once. */
    MASTER("master");

    private final String key;

    CoachMode(String key) {
        this.key = key;
    }

    @JsonValue
    public String key() {
        return key;
    }

    public static Optional<CoachMode> fromKey(String key) {
        return Arrays.stream(values()).filter(m -> m.key.equals(key)).findFirst();
    }

    /** Jackson entry point: an unknown mode is a 400 naming the field. */
    @JsonCreator
    public static CoachMode of(String key) {
        return fromKey(key)
                .orElseThrow(
                        () -> new IllegalArgumentException("unknown mode '" + key + "'; expected one of " + keys()));
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(CoachMode::key).toList();
    }
}
