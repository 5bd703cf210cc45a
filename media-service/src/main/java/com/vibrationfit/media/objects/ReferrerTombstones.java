package com.vibrationfit.media.objects;

import com.vibrationfit.platform.security.SystemContext;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

/**
 * Forgets the tombstones of deleted entities ({@code media_referrers} rows with {@code deleted}) once they are
 * older than {@code vf.media.referrer-tombstone-keep}. A tombstone exists so that an older announcement of the
 * entity arriving late cannot revive its references; past the longest retention of a topic that could carry
 * one, none can arrive, and without this sweep every board item or journal entry ever deleted would keep a row.
 */
@ApplicationScoped
public class ReferrerTombstones {

    private static final Logger LOG = Logger.getLogger(ReferrerTombstones.class);
    private static final int BATCH = 1000;

    @Inject
    EntityManager em;

    @Inject
    MediaReferencesConfig config;

    @Scheduled(every = "PT1H", delayed = "PT1M", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            int forgotten = forgetExpired();
            if (forgotten > 0) {
                LOG.infof(
                        "forgot %d tombstones of entities deleted more than %s ago",
                        forgotten, config.referrerTombstoneKeep());
            }
        } catch (RuntimeException e) {
            LOG.warnf("referrer tombstones not swept this time (next run retries): %s", e.getMessage());
        }
    }

    /** Deletes every tombstone older than the keep, in batches (short transactions); returns how many. */
    public int forgetExpired() {
        int total = 0;
        while (true) {
            int deleted = SystemContext.inNewTransaction(
                    "referrer tombstone sweep",
                    () -> em.createNativeQuery("""
                            delete from media_referrers where ctid in (
                              select ctid from media_referrers
                              where deleted and applied_at < now() - make_interval(secs => ?1)
                              limit ?2 for update skip locked)""")
                            .setParameter(
                                    1, (double) config.referrerTombstoneKeep().toSeconds())
                            .setParameter(2, BATCH)
                            .executeUpdate());
            total += deleted;
            if (deleted < BATCH) {
                return total;
            }
        }
    }
}
