package com.vibrationfit.media.narration;

import com.vibrationfit.media.speech.NarrationConfig;
import com.vibrationfit.platform.db.MemberLock;
import com.vibrationfit.platform.db.RequestWindow;
import com.vibrationfit.platform.security.SystemContext;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;

/**
 * How many regenerate requests a member may make: at most {@code vf.narration.regenerate.max-requests}
 * accepted within a sliding {@code window}. Each costs provider money, so the count lives in PostgreSQL
 * (shared by every replica) rather than in one JVM's memory.
 */
@ApplicationScoped
public class RegenerateAllowance {

    static final MemberLock.Purpose REGENERATE_REQUESTS = new MemberLock.Purpose("narration-regenerate");

    @Inject
    MemberLock memberLock;

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
        memberLock.hold(REGENERATE_REQUESTS, userId);
        em.createNativeQuery(
                        "delete from narration_regenerations where user_id = ?1 and requested_at <= now() - make_interval(secs => ?2)")
                .setParameter(1, userId)
                .setParameter(2, window)
                .executeUpdate();
        new RequestWindow(
                        "narration_regenerations",
                        null,
                        config.regenerate().maxRequests(),
                        config.regenerate().window())
                .requireRoom(
                        em,
                        userId,
                        "at most " + config.regenerate().maxRequests() + " regenerate requests per "
                                + config.regenerate().window() + "; try again later");
        em.createNativeQuery("insert into narration_regenerations (user_id) values (?1)")
                .setParameter(1, userId)
                .executeUpdate();
    }

    /** Forgets requests that left the window, also of members who never ask again (or were deleted). */
    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetOldRequests() {
        SystemContext.runInNewTransaction(
                "regenerate allowance cleanup",
                () -> em.createNativeQuery(
                                "delete from narration_regenerations where requested_at <= now() - make_interval(secs => ?1)")
                        .setParameter(1, config.regenerate().window().toMillis() / 1000.0)
                        .executeUpdate());
    }
}
