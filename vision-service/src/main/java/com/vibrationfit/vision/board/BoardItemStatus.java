package com.vibrationfit.vision.board;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;

/** A board item's state: pinned, came true, or set aside. */
public enum BoardItemStatus {
    ACTIVE("active"),
    ACTUALIZED("actualized"),
    INACTIVE("inactive");

    /** How many there are (a constant, for the bounds annotations state). */
    public static final int COUNT = 3;

    private final String value;

    BoardItemStatus(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    @JsonCreator
    public static BoardItemStatus of(String value) {
        return Arrays.stream(values())
                .filter(s -> s.value.equals(value))
                .findFirst()
                .orElseThrow(() ->
                        new IllegalArgumentException("unknown status '" + value + "'; expected one of " + names()));
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(BoardItemStatus::value).toList();
    }
}
