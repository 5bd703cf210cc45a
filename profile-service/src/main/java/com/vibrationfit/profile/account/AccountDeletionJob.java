package com.vibrationfit.profile.account;

import com.vibrationfit.platform.security.SystemContext;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Drives deletions: every {@code vf.accounts.deletion-every} the due ones are taken a step further, and the
 * identity provider's admin events are read for users deleted in its console (they join the same path, so an
 * operator's deletion is announced exactly like a member's). Both survive restarts: all state is in the database.
 * Its own thread rather than the scheduler, whose shortest period (1 s) would be most of the purge's time budget;
 * it stops before the database does on shutdown.
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

    @ConfigProperty(name = "vf.accounts.follow-identity-provider", defaultValue = "true")
    boolean follow;

    /** Where reading starts the first time: deletions older than this were never ours to announce. */
    @ConfigProperty(name = "vf.accounts.identity-events-lookback", defaultValue = "PT1H")
    Duration lookback;

    @ConfigProperty(name = "vf.accounts.deletion-every")
    Duration every;

    private ScheduledExecutorService thread;

    void start(@Observes StartupEvent started) {
        thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "account-deletions");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(this::run, 1000, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent stopping) throws InterruptedException {
        if (thread != null) {
            thread.shutdownNow();
            thread.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    void run() {
        try {
            if (follow) {
                followIdentityProvider();
            }
            processDue();
        } catch (RuntimeException e) {
            LOG.warnf("account deletions: %s (trying again at the next run)", e.toString());
        } catch (Error e) {
            LOG.errorf(e, "account deletions stopped");
            throw e;
        }
    }

    void processDue() {
        for (UUID userId : SystemContext.call("account deletions", () -> deletions.due(50))) {
            SystemContext.run("deleting user " + userId, () -> deletions.process(userId));
        }
    }

    void followIdentityProvider() {
        Instant from = SystemContext.call(
                "identity events",
                () -> deletions.readUntil(PROVIDER, Instant.now().minus(lookback)));
        List<IdentityProvider.UserGone> gone;
        try {
            gone = identity.deletedSince(from.minus(OVERLAP));
        } catch (IdentityProvider.Unavailable e) {
            LOG.debugf("identity provider events not read: %s", e.getMessage());
            return;
        }
        SystemContext.run("identity events", () -> {
            for (IdentityProvider.UserGone user : gone) {
                deletions.deletedAtIdentityProvider(user.userId(), user.at());
            }
            gone.stream()
                    .map(IdentityProvider.UserGone::at)
                    .max(Instant::compareTo)
                    .ifPresent(last -> deletions.readTo(PROVIDER, last));
        });
    }
}
