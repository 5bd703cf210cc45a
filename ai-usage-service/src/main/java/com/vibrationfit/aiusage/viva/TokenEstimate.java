package com.vibrationfit.aiusage.viva;

import java.nio.charset.StandardCharsets;

/**
 * Provider-independent token counts before a call. {@link #of} estimates (one token per four characters, rounded
 * up) and sizes the history window. {@link #atMost} bounds: byte-level tokenizers (every OpenAI-compatible model)
 * never make more tokens of a text than it has UTF-8 bytes, so a hold sized by it covers the provider's bill even
 * for emoji or CJK text, where characters undercount by a factor of three or four. Each message adds four tokens
 * of the chat format's framing. What is charged is always the provider's own count, reported when the reply ends.
 */
public final class TokenEstimate {

    static final int PER_MESSAGE = 4;

    private TokenEstimate() {}

    public static int of(String text) {
        return text == null ? 0 : (text.length() + 3) / 4;
    }

    public static int ofMessage(String text) {
        return of(text) + PER_MESSAGE;
    }

    /** The most tokens {@code text} can be: its UTF-8 bytes. */
    public static int atMost(String text) {
        return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
    }

    public static int atMostOfMessage(String text) {
        return atMost(text) + PER_MESSAGE;
    }
}
