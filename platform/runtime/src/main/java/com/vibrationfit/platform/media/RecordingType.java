package com.vibrationfit.platform.media;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A journal recording is a voice note or a video. */
public enum RecordingType {
    AUDIO("audio"),
    VIDEO("video");

    private final String value;

    RecordingType(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    @JsonCreator
    public static RecordingType of(String value) {
        for (RecordingType type : values()) {
            if (type.value.equals(value)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown type '" + value + "'; expected audio or video");
    }
}
