package com.vibrationfit.aiusage.coach;

/**
 * A provider-independent token estimate: one token per four characters (rounded up), plus four per message for
 * the chat format's framing. It sizes reservations and the history budget before a call; what is charged is
 * always the provider's own count, reported when the reply ends.
 */
public final class TokenEstimate {

    static final int PER_MESSAGE = 4;

    private TokenEstimate() {
    }

    public static int of(String text) {
        return text == null ? 0 : (text.length() + 3) / 4;
    }

    public static int ofMessage(String text) {
        return of(text) + PER_MESSAGE;
    }
}
