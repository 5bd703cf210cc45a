package com.vibrationfit.platform.security;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Parsing of user ids (token subjects). Only the canonical 36-character UUID form is accepted. */
public final class UserIds {

    private static final Pattern CANONICAL =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private UserIds() {}

    public static Optional<UUID> parse(String subject) {
        if (subject == null || !CANONICAL.matcher(subject).matches()) {
            return Optional.empty();
        }
        return Optional.of(UUID.fromString(subject));
    }
}
