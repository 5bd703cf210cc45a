package com.vibrationfit.platform.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * The explicit "service role" for work that has no member token: event consumers and scheduled
 * jobs. Transactions begun inside {@link #run} see rows under the system branch of every RLS policy.
 * Thread-bound on purpose: a consumer's blocking handler runs its transaction on the same thread.
 *
 * <p>Work done as system <em>for</em> a member ({@link #callFor}) is still the member's work: the
 * {@link RowLevelSecurityBinder} holds their deletion lock and refuses a deleted member, as it does for a
 * member's own request. That is what a resource annotated {@link SystemRole} gets.
 */
public final class SystemContext {

    private static final ThreadLocal<String> REASON = new ThreadLocal<>();

    private static final ThreadLocal<UUID> MEMBER = new ThreadLocal<>();

    private SystemContext() {}

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

    /**
     * Runs {@code work} as system for {@code member}: their transactions begun inside hold the member's deletion
     * lock shared and fail with {@link MemberDeleted} once their account is deleted.
     */
    public static <T> T callFor(UUID member, Supplier<T> work) {
        UUID previous = MEMBER.get();
        MEMBER.set(member);
        try {
            return call(describe(member), work);
        } finally {
            if (previous == null) {
                MEMBER.remove();
            } else {
                MEMBER.set(previous);
            }
        }
    }

    /** {@link #callFor} in a transaction of its own (committed when it returns). */
    public static <T> T inNewTransactionFor(UUID member, Callable<T> work) {
        return callFor(member, () -> QuarkusTransaction.requiringNew().call(work));
    }

    /** The member the current system work is for, if it is for one. */
    public static Optional<UUID> member() {
        return isActive() ? Optional.ofNullable(MEMBER.get()) : Optional.empty();
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
