package com.vibrationfit.platform.db;

import com.vibrationfit.platform.errors.TooManyRequests;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.UUID;

/**
 * A sliding-window limit on a member's requests, counted from the rows they leave in PostgreSQL (so every replica
 * sees the same count): at most {@code maxRequests} rows of {@code table} with a {@code requested_at} inside the last
 * {@code window}. Beyond it, a 429 whose {@code Retry-After} is the time until the oldest counted request leaves the
 * window. The caller makes the check and the insert of the new request atomic (a {@link MemberLock}, or a rule that
 * already allows one request at a time).
 *
 * @param table        a table with {@code user_id} and {@code requested_at} columns (a constant, never input)
 * @param condition    an extra SQL condition on the rows that count (e.g. failed ones do not), or {@code null}
 */
public record RequestWindow(String table, String condition, int maxRequests, Duration window) {

    /** Throws 429 with {@code refusal} as its detail when the member has no room left in the window. */
    public void requireRoom(EntityManager em, UUID userId, String refusal) {
        double seconds = window.toMillis() / 1000.0;
        Object[] row = (Object[]) em.createNativeQuery("select count(*), extract(epoch from min(requested_at) "
                        + "+ make_interval(secs => ?2) - now()) from " + table + " where user_id = ?1 "
                        + "and requested_at > now() - make_interval(secs => ?2)"
                        + (condition == null ? "" : " and " + condition))
                .setParameter(1, userId)
                .setParameter(2, seconds)
                .getSingleResult();
        if (((Number) row[0]).longValue() >= maxRequests) {
            double waitSeconds = row[1] == null ? seconds : Math.max(0, ((Number) row[1]).doubleValue());
            throw new TooManyRequests(refusal, Duration.ofMillis((long) Math.ceil(waitSeconds * 1000)));
        }
    }
}
