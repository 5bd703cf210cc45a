package com.vibrationfit.media.narration;

import com.vibrationfit.media.speech.NarrationConfig;
import com.vibrationfit.platform.errors.TooManyRequests;
import com.vibrationfit.platform.security.SystemContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.UUID;

/**
 * How many regenerate requests a member may make: at most {@code vf.narration.regenerate.max-requests}
 * accepted within a sliding {@code window}. Each costs provider money, so the count lives in PostgreSQL
 * (shared by every replica) rather than in one JVM's memory.
 */
@ApplicationScoped
public class RegenerateAllowance {

    @Inject
    EntityManager em;

    @Inject
    NarrationConfig config;

    /**
     * Records one request of {@code userId} in the caller's transaction, or throws 429 with the time until
     * the oldest request in the window leaves it. Serialised per member so that concurrent requests cannot
     * all see room for themselves.
     */
    public void take(UUID userId) {
        double window = config.regenerate().window().toMillis() / 1000.0;
        em.createNativeQuery("select 1 from pg_advisory_xact_lock(hashtext('narration-regenerate'), hashtext(cast(?1 as text)))")
                .setParameter(1, userId).getSingleResult();
        em.createNativeQuery("delete from narration_regenerations where user_id = ?1 and requested_at <= now() - make_interval(secs => ?2)")
                .setParameter(1, userId).setParameter(2, window).executeUpdate();
        Object[] row = (Object[]) em.createNativeQuery("""
                select count(*), extract(epoch from min(requested_at) + make_interval(secs => ?2) - now())
                from narration_regenerations where user_id = ?1""")
                .setParameter(1, userId).setParameter(2, window).getSingleResult();
        long taken = ((Number) row[0]).longValue();
        if (taken >= config.regenerate().maxRequests()) {
            double waitSeconds = row[1] == null ? window : ((Number) row[1]).doubleValue();
            throw new TooManyRequests("at most " + config.regenerate().maxRequests() + " regenerate requests per "
                    + config.regenerate().window() + "; try again later",
                    Duration.ofMillis((long) Math.ceil(waitSeconds * 1000)));
        }
        em.createNativeQuery("insert into narration_regenerations (user_id) values (?1)").setParameter(1, userId)
                .executeUpdate();
    }

    /** Forgets requests that left the window, also of members who never ask again (or were deleted). */
    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetOldRequests() {
        SystemContext.run("regenerate allowance cleanup", () -> QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("delete from narration_regenerations where requested_at <= now() - make_interval(secs => ?1)")
                        .setParameter(1, config.regenerate().window().toMillis() / 1000.0).executeUpdate()));
    }
}
