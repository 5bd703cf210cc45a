package com.vibrationfit.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The identity of a text for narration: SHA-256 of its normalised form. Two texts that read the
 * same aloud (differing only in surrounding or repeated whitespace, or in Unicode composition)
 * get the same hash, so media-service never narrates them twice.
 */
public final class ContentHash {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    private ContentHash() {}

    /** Unicode NFC, whitespace runs collapsed to one space, trimmed. {@code null} counts as empty. */
    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        return WHITESPACE.matcher(nfc).replaceAll(" ").strip();
    }

    /** Lower-case hex SHA-256 of {@link #normalise(String)}. */
    public static String of(String text) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(normalise(text).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
