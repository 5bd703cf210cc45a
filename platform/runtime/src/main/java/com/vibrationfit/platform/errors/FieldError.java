package com.vibrationfit.platform.errors;

import com.vibrationfit.platform.json.Texts;

/**
 * One invalid field of a request: its JSON name (snake_case, dotted for nested, [i] for elements) and why. Both
 * are cut to their documented bounds ({@link #FIELD_MAX_LENGTH}, {@link #MESSAGE_MAX_LENGTH}): a name is built from
 * the request's own keys, which only the body limit bounds, and a message may quote a refused value.
 */
public record FieldError(String field, String message) {

    public static final int FIELD_MAX_LENGTH = 500;
    public static final int MESSAGE_MAX_LENGTH = 1_000;

    public FieldError {
        field = Texts.cut(field, FIELD_MAX_LENGTH);
        message = Texts.cut(message, MESSAGE_MAX_LENGTH);
    }
}
