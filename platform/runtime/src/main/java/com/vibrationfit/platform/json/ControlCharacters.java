package com.vibrationfit.platform.json;

import java.util.Optional;

/**
 * The characters no request text may hold: the C0 controls U+0000-U+001F except tab, line feed and
 * carriage return, DEL (U+007F), and UTF-16 surrogates without their pair. PostgreSQL refuses NUL in
 * text and jsonb (a 500 before this check); the other controls are invisible, reach events and the
 * narration engine, and no keyboard produces them; an unpaired surrogate cannot be encoded as UTF-8
 * and would be stored as '?'. Applied to every JSON string and key of a request body
 * ({@link RequestBodyRules}) and to every query and path parameter
 * ({@link com.vibrationfit.platform.http.ParameterTextFilter}).
 */
public final class ControlCharacters {

    private ControlCharacters() {}

    /** Why {@code text} is refused, or empty when it is acceptable (null is acceptable: absent is not text). */
    public static Optional<String> problemWith(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
                return Optional.of(String.format(
                        "must not contain control characters (U+%04X at index %d); "
                                + "tab, line feed and carriage return are allowed",
                        (int) c, i));
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of(String.format(
                        "must not contain an unpaired UTF-16 surrogate (U+%04X at index %d)", (int) c, i));
            }
        }
        return Optional.empty();
    }
}
