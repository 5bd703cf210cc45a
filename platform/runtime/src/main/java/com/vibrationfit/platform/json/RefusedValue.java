package com.vibrationfit.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * A request body value {@link RequestBodyRules} refuses: text with control characters, a date out of
 * range. Carries the field's full JSON path as the parser saw it, which the error answer names as is
 * (Jackson's own reference path stops at the nearest typed property).
 */
public class RefusedValue extends JsonMappingException {

    private final String field;

    public RefusedValue(JsonParser parser, String field, String message) {
        super(parser, message);
        this.field = field;
    }

    /** JSON path of the refused value, e.g. {@code audio_recordings[0].transcript}; empty for the body itself. */
    public String field() {
        return field;
    }
}
