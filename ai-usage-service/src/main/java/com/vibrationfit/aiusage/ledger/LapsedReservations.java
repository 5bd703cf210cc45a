package com.vibrationfit.aiusage.ledger;

import com.vibrationfit.platform.security.SystemContext;
import com.vibrationfit.platform.time.DatabaseClock;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Reservations nobody captured or released (the caller crashed) expire by themselves: this job settles each
 * member with lapsed ones, which frees their tokens and announces the new balance. Members settle lazily on
 * every ledger call too; the job is for members who make none.
 */
@ApplicationScoped
public class LapsedReservations {

    private static final Logger LOG = Logger.getLogger(LapsedReservations.class);

    @Inject
    ReservationService reservations;

    @Inject
    MeterRegistry metrics;

    @Scheduled(
            every = "${vf.ai.reservation-sweep-every:PT30S}",
            delayed = "${vf.ai.reservation-sweep-every:PT30S}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            expireNow();
        } catch (RuntimeException e) {
            LOG.warnf("lapsed reservations not expired this time (next run retries): %s", e.getMessage());
        }
    }

    /** Expires every lapsed reservation now; returns the members settled. Visible for tests. */
    public List<UUID> expireNow() {
        List<UUID> members = SystemContext.call(
                "lapsed reservations", () -> reservations.membersWithLapsedReservations(DatabaseClock.now()));
        members.forEach(member ->
                SystemContext.run("lapsed reservations of a member", () -> reservations.settleMember(member)));
        // A reservation that lapses was neither captured nor released: its caller crashed or lost track of it.
        // Rare by design, so the "reservations expiring uncaptured" alert fires on any.
        metrics.counter("ai.reservations.lapsed.members").increment(members.size());
        return members;
    }
}
