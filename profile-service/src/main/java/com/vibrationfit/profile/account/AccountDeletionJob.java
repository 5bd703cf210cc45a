package com.vibrationfit.profile.account;

import com.vibrationfit.platform.db.AfterCommit;
import com.vibrationfit.platform.jobs.JobWorkers;
import com.vibrationfit.platform.security.SystemContext;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Drives deletions: a worker takes due ones a step further as soon as a request commits ({@link #wakeUpAfterCommit}),
 * when a retry falls due, and otherwise looks every 1 to 5 s (adaptive: an idle service barely queries); and every
 * {@code vf.accounts.identity-events-every} the identity provider's admin events are read for users deleted in its
 * console (they join the same path, so an operator's deletion is announced exactly like a member's). Both survive
 * restarts: all state is in the database. Both stop before the database does on shutdown.
 */
@ApplicationScoped
public class AccountDeletionJob {

    private static final Logger LOG = Logger.getLogger(AccountDeletionJob.class);
    static final String PROVIDER = "keycloak";
    /** Events are read again from a little before the last one seen: the provider's clock and commit order may lag. */
    static final Duration OVERLAP = Duration.ofSeconds(30);

    @Inject
    AccountDeletionService deletions;

    @Inject
    IdentityProvider identity;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @ConfigProperty(name = "vf.accounts.follow-identity-provider", defaultValue = "true")
    boolean follow;

    /** Where reading starts the first time: deletions older than this were never ours to announce. */
    @ConfigProperty(name = "vf.accounts.identity-events-lookback", defaultValue = "PT1H")
    Duration lookback;

    /** How often the identity provider's admin events are read (one small query to it each time). */
    @ConfigProperty(name = "vf.accounts.identity-events-every", defaultValue = "PT1S")
    Duration identityEventsEvery;

    /** Where the identity provider's events were read to (null until read from the database). */
    private volatile Instant readTo;

    private final JobWorkers deleters = new JobWorkers("account-deletions", this::processOneDue, this::nextDueIn);
    private ScheduledExecutorService identityEvents;

    void start(@Observes StartupEvent started) {
        deleters.start(1);
        if (follow) {
            identityEvents = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "identity-events");
                t.setDaemon(true);
                return t;
            });
            identityEvents.scheduleWithFixedDelay(
                    this::readIdentityEvents, 1000, identityEventsEvery.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    void stop(@Observes ShutdownEvent stopping) throws InterruptedException {
        deleters.stop();
        if (identityEvents != null) {
            identityEvents.shutdownNow();
            identityEvents.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    /** Wakes the worker once the current transaction (which requested a deletion) has committed. */
    public void wakeUpAfterCommit() {
        AfterCommit.run(transactions, deleters::wakeUp);
    }

    /** Takes the most overdue deletion a step further; false when none is due. */
    boolean processOneDue() {
        List<UUID> due = SystemContext.call("account deletions", () -> deletions.due(1));
        if (due.isEmpty()) {
            return false;
        }
        UUID userId = due.get(0);
        SystemContext.run("deleting user " + userId, () -> deletions.process(userId));
        return true;
    }

    private Optional<Duration> nextDueIn() {
        return SystemContext.call("account deletions", deletions::nextAttemptAt)
                .map(at -> Duration.between(Instant.now(), at));
    }

    void readIdentityEvents() {
        try {
            followIdentityProvider();
        } catch (RuntimeException e) {
            LOG.warnf("identity provider events: %s (reading again at the next run)", e.toString());
        }
    }

    void followIdentityProvider() {
        // Where reading got to: from the database once, then kept here (a second replica's progress only means
        // events read again, which changes nothing), so an idle poll costs one query to the provider, none here.
        Instant from = readTo;
        if (from == null) {
            from = SystemContext.call(
                    "identity events",
                    () -> deletions.readUntil(PROVIDER, Instant.now().minus(lookback)));
            readTo = from;
        }
        List<IdentityProvider.UserGone> gone;
        try {
            gone = identity.deletedSince(from.minus(OVERLAP));
        } catch (IdentityProvider.Unavailable e) {
            LOG.debugf("identity provider events not read: %s", e.getMessage());
            return;
        }
        if (gone.isEmpty()) {
            return;
        }
        Optional<Instant> last =
                gone.stream().map(IdentityProvider.UserGone::at).max(Instant::compareTo);
        SystemContext.run("identity events", () -> {
            for (IdentityProvider.UserGone user : gone) {
                deletions.deletedAtIdentityProvider(user.userId(), user.at());
            }
            last.ifPresent(at -> deletions.readTo(PROVIDER, at));
        });
        last.filter(at -> at.isAfter(readTo)).ifPresent(at -> readTo = at);
    }
}
