package com.vibrationfit.platform.security;

import java.util.UUID;
import java.util.function.Supplier;

/**
 * The explicit "service role" for work that has no member token: event consumers and scheduled
 * jobs. Transactions begun inside {@link #run} see rows under the system branch of every RLS policy.
 * Thread-bound on purpose: a consumer's blocking handler runs its transaction on the same thread.
 */
public final class SystemContext {

    private static final ThreadLocal<String> REASON = new ThreadLocal<>();

    private SystemContext() {
    }

    /** Runs {@code work} as system; {@code reason} appears in logs and helps reading traces. */
    public static <T> T call(String reason, Supplier<T> work) {
        String previous = REASON.get();
        REASON.set(reason);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                REASON.remove();
            } else {
                REASON.set(previous);
            }
        }
    }

    public static void run(String reason, Runnable work) {
        call(reason, () -> {
            work.run();
            return null;
        });
    }

    public static boolean isActive() {
        return REASON.get() != null;
    }

    /** For callers that act for a member without a token (a consumer applying that member's event). */
    public static String describe(UUID userId) {
        return "user " + userId;
    }
}
