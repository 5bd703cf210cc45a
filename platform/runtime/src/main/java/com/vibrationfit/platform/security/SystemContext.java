package com.vibrationfit.platform.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.UUID;
import java.util.concurrent.Callable;
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

    /**
     * Runs {@code work} as system in a transaction of its own (committed when it returns): what scheduled jobs,
     * consumers and workers that sit outside any request do for each unit of work.
     */
    public static <T> T inNewTransaction(String reason, Callable<T> work) {
        return call(reason, () -> QuarkusTransaction.requiringNew().call(work));
    }

    /** {@link #inNewTransaction(String, Callable)} for work without a result. */
    public static void runInNewTransaction(String reason, Runnable work) {
        run(reason, () -> QuarkusTransaction.requiringNew().run(work));
    }

    public static boolean isActive() {
        return REASON.get() != null;
    }

    /** For callers that act for a member without a token (a consumer applying that member's event). */
    public static String describe(UUID userId) {
        return "user " + userId;
    }
}
