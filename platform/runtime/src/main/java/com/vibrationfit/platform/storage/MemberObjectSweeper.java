package com.vibrationfit.platform.storage;

import com.vibrationfit.platform.db.TransientFailures;
import com.vibrationfit.platform.export.ExportObjects;
import com.vibrationfit.platform.security.SystemContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Deletes what this service wrote under a deleted member's prefix, after their purge committed, until S3 has
 * confirmed it ({@code member_object_sweeps}, scheduled by {@code DeletedMembers.remember}).
 *
 * <p>Why after the commit, and why here: a writer of an object for a member checks, after writing it, that the
 * member was not deleted, holding their {@code MemberLock.ACCOUNT_DELETION} lock shared (or writes inside a transaction that
 * holds it). Either its check ran before the purge took the lock, so its object was there before this sweep
 * lists the prefix, or it ran after the purge committed and it deletes its own object. Each service sweeps what
 * only it writes (media-service the member's media, profile-service the exports, every service its own export
 * parts), so a part a slow service writes after another service purged is still swept by its writer. A second
 * sweep, once every write that could still be on its way has ended ({@code vf.deletion.resweep-after}), is a
 * last guard.
 */
@ApplicationScoped
public class MemberObjectSweeper {

    private static final Logger LOG = Logger.getLogger(MemberObjectSweeper.class);
    private static final int BATCH = 50;
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

    /** What this service writes under a member's prefix. */
    public enum Owned {
        /** Everything under {@code users/{id}/} (media-service: uploads and narration). */
        MEMBER,
        /** The member's exports, parts and archives (the service that assembles them). */
        EXPORTS,
        /** Only this service's own parts of the member's exports (every other service). */
        EXPORT_PARTS
    }

    @Inject
    EntityManager em;

    @Inject
    S3Client s3;

    @Inject
    MeterRegistry metrics;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    @ConfigProperty(name = "vf.media.bucket", defaultValue = "vibrationfit-media")
    String bucket;

    @ConfigProperty(name = "vf.deletion.owned-objects", defaultValue = "export-parts")
    String owned;

    /**
     * The longest wait while no sweep is due: a purge wakes its own process's sweeper and a retry's backoff sets
     * the next due time, so this only bounds how late a sweep another replica scheduled (and died before running)
     * is found, while an idle service queries its database once a minute instead of every few seconds.
     */
    @ConfigProperty(name = "vf.deletion.sweep-interval", defaultValue = "PT1M")
    Duration interval;

    /** Part timeout (10 min) + assembly lease (1 min) + margin: the longest a write for a member can be late. */
    @ConfigProperty(name = "vf.deletion.resweep-after", defaultValue = "PT12M")
    Duration resweepAfter;

    @ConfigProperty(name = "vf.deletion.sweeper-enabled", defaultValue = "true")
    boolean enabled;

    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;
    private Counter failures;

    void start(@Observes StartupEvent event) {
        failures = Counter.builder("member.object.sweep.failures")
                .description("sweeps of a deleted member's objects that S3 did not complete (retried)")
                .register(metrics);
        if (!enabled) {
            return;
        }
        running = true;
        worker = new Thread(this::loop, "member-object-sweeper");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        wakeUp();
        if (worker != null) {
            try {
                worker.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Called after a purge committed, so its first sweep runs at once. */
    public void wakeUp() {
        wakeUps.release();
    }

    /** The key filter of what this service owns under {@code userId}'s prefix. */
    static Predicate<String> ownedBy(Owned owned, String service, UUID userId) {
        String member = ExportObjects.memberPrefix(userId);
        return switch (owned) {
            case MEMBER -> key -> key.startsWith(member);
            case EXPORTS -> key -> ExportObjects.isExportObject(key, userId);
            case EXPORT_PARTS ->
                key -> ExportObjects.isExportObject(key, userId) && key.endsWith("/parts/" + service + ".json");
        };
    }

    private Owned owned() {
        return Owned.valueOf(owned.trim().toUpperCase().replace('-', '_'));
    }

    /** Sweeps every member whose sweep is due; returns how many were swept. Public for tests. */
    public int sweepDue() {
        List<Object[]> due = SystemContext.inNewTransaction("member object sweep", () -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows =
                    em.createNativeQuery("""
                    select user_id, sweeps_left, attempts from member_object_sweeps where due_at <= now()
                    order by due_at limit ?1""").setParameter(1, BATCH).getResultList();
            return rows;
        });
        int swept = 0;
        for (Object[] row : due) {
            UUID userId = (UUID) row[0];
            int sweepsLeft = ((Number) row[1]).intValue();
            int attempts = ((Number) row[2]).intValue();
            if (sweep(userId, sweepsLeft, attempts)) {
                swept++;
            }
        }
        return swept;
    }

    /** How long until the next scheduled sweep falls due (zero when one is due), empty when none is scheduled. */
    Optional<Duration> nextDueIn() {
        return SystemContext.inNewTransaction("member object sweep", () -> {
            Object millis = em.createNativeQuery(
                            "select floor(extract(epoch from min(due_at) - now()) * 1000) from member_object_sweeps")
                    .getSingleResult();
            return Optional.ofNullable(millis).map(m -> Duration.ofMillis(Math.max(0, ((Number) m).longValue())));
        });
    }

    private boolean sweep(UUID userId, int sweepsLeft, int attempts) {
        String prefix = owned() == Owned.MEMBER
                ? ExportObjects.memberPrefix(userId)
                : ExportObjects.memberPrefix(userId) + "exports/";
        try {
            int deleted = BucketObjects.deletePrefix(s3, bucket, prefix, ownedBy(owned(), service, userId));
            SystemContext.runInNewTransaction("member object sweep", () -> {
                if (sweepsLeft <= 1) {
                    em.createNativeQuery("delete from member_object_sweeps where user_id = ?1 and sweeps_left = ?2")
                            .setParameter(1, userId)
                            .setParameter(2, sweepsLeft)
                            .executeUpdate();
                } else {
                    em.createNativeQuery("""
                            update member_object_sweeps set sweeps_left = sweeps_left - 1, attempts = 0, last_error = null,
                                due_at = now() + make_interval(secs => ?3) where user_id = ?1 and sweeps_left = ?2""")
                            .setParameter(1, userId)
                            .setParameter(2, sweepsLeft)
                            .setParameter(3, (double) resweepAfter.toSeconds())
                            .executeUpdate();
                }
            });
            if (deleted > 0) {
                LOG.infof("deleted member %s: %d object(s) of %s swept under %s", userId, deleted, service, prefix);
            }
            return true;
        } catch (RuntimeException e) {
            failures.increment();
            Duration backoff = backoff(attempts + 1);
            if (TransientFailures.isTransient(e)) {
                LOG.warnf(
                        "deleted member %s: objects not swept yet (attempt %d, transient: %s); again in %s",
                        userId, attempts + 1, e.getMessage(), backoff);
            } else {
                LOG.errorf(
                        "deleted member %s: objects not swept (attempt %d): %s; again in %s",
                        userId, attempts + 1, e.getMessage(), backoff);
            }
            try {
                SystemContext.runInNewTransaction(
                        "member object sweep",
                        () -> em.createNativeQuery("""
                                update member_object_sweeps set attempts = attempts + 1, last_error = left(?2, 2000),
                                    due_at = now() + make_interval(secs => ?3) where user_id = ?1""")
                                .setParameter(1, userId)
                                .setParameter(2, String.valueOf(e.getMessage()))
                                .setParameter(3, (double) backoff.toSeconds())
                                .executeUpdate());
            } catch (RuntimeException recording) {
                LOG.debugf("sweep failure of %s not recorded: %s", userId, recording.getMessage());
            }
            return false;
        }
    }

    /**
     * How long to sleep after a round: until the next sweep falls due, at most {@code longest}. A sweep still due
     * after a round is one whose failure could not be recorded (the database went away meanwhile): not before a
     * second, so a round that keeps failing does not spin.
     */
    static Duration waitBeforeNextRound(Optional<Duration> nextDue, Duration longest) {
        Duration floor = Duration.ofSeconds(1);
        return nextDue.map(due -> due.compareTo(floor) < 0 ? floor : due)
                .filter(due -> due.compareTo(longest) < 0)
                .orElse(longest);
    }

    /** 1 s, 2 s, 4 s ... at most a minute. */
    static Duration backoff(int attempts) {
        long seconds = 1L << Math.min(Math.max(attempts - 1, 0), 6);
        return Duration.ofSeconds(Math.min(seconds, MAX_BACKOFF.toSeconds()));
    }

    private void loop() {
        while (running) {
            Duration wait = interval;
            try {
                if (sweepDue() == BATCH) {
                    continue;
                }
                wait = waitBeforeNextRound(nextDueIn(), interval);
            } catch (RuntimeException e) {
                // The database or S3 is away: look again soon rather than after the longest wait.
                LOG.debugf("member object sweep round failed: %s", e.getMessage());
                wait = Duration.ofSeconds(5);
            }
            try {
                wakeUps.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
