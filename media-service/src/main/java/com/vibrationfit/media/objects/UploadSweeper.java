package com.vibrationfit.media.objects;

import com.vibrationfit.platform.security.SystemContext;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Removes what abandoned uploads leave behind: tickets never completed before their URL died plus the
 * margin (row and any bytes uploaded under them), and keys of deleted objects whose PUT URL was still
 * alive at the deletion. Rows are deleted first and the bytes inside the same transaction: if S3 fails,
 * the rows come back with the rollback and the next sweep tries again. Replicas share the work through
 * {@code FOR UPDATE SKIP LOCKED}.
 */
@ApplicationScoped
public class UploadSweeper {

    private static final Logger LOG = Logger.getLogger(UploadSweeper.class);
    private static final int BATCH = 500;

    @Inject
    EntityManager em;

    @Inject
    ObjectStorage storage;

    @Inject
    StorageConfig config;

    /** The scheduled job's identity (tests pause it to look at an expired ticket before it is swept). */
    public static final String JOB = "upload-sweep";

    @Scheduled(
            identity = JOB,
            every = "${vf.media.upload-sweep-every:1m}",
            delayed = "${vf.media.upload-sweep-every:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            sweep();
        } catch (RuntimeException e) {
            LOG.warnf("upload sweep failed, retried at the next run: %s", e.getMessage());
        }
    }

    /** One sweep of up to a batch of each kind; returns how many keys were removed. Visible for tests. */
    public int sweep() {
        return SystemContext.inNewTransaction("upload sweep", () -> {
            List<String> keys = new ArrayList<>(expiredTickets());
            keys.addAll(revokedKeys());
            if (!keys.isEmpty()) {
                storage.deleteAll(keys);
                LOG.infof("swept %d keys of expired or deleted uploads", keys.size());
            }
            return keys.size();
        });
    }

    @SuppressWarnings("unchecked")
    private List<String> expiredTickets() {
        return em.createNativeQuery("""
                delete from media_objects where id in (
                    select id from media_objects
                    where state = 'pending' and expires_at < now() - make_interval(secs => ?1)
                    order by expires_at limit ?2
                    for update skip locked)
                returning s3_key""")
                .setParameter(1, (double) config.uploadExpiryMargin().toSeconds())
                .setParameter(2, BATCH)
                .getResultList();
    }

    @SuppressWarnings("unchecked")
    private List<String> revokedKeys() {
        return em.createNativeQuery("""
                delete from revoked_upload_keys where s3_key in (
                    select s3_key from revoked_upload_keys where sweep_after < now()
                    order by sweep_after limit ?1
                    for update skip locked)
                returning s3_key""").setParameter(1, BATCH).getResultList();
    }
}
