package com.vibrationfit.media.objects;

import com.vibrationfit.media.events.MediaEvents;
import com.vibrationfit.platform.security.SystemContext;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Deletes objects that lost every reference ({@link MediaReferences}) and stayed unreferenced for longer
 * than {@code vf.media.orphan-grace}: the grace is how late a reference from another entity or service may
 * arrive and still save the object. Objects never referenced (a fresh upload) are not its business.
 *
 * <p>Each batch is one transaction: rows are claimed with {@code FOR UPDATE SKIP LOCKED} (replicas and a
 * consumer adding a reference never wait on each other), re-checked for references under that lock, then
 * the row is deleted, {@code media.object.deleted} recorded and the bytes deleted from S3 before commit.
 * If S3 fails the transaction rolls back: the objects stay unreferenced and the next sweep tries again, so
 * an outage loses nothing. If the commit fails after S3 deleted the bytes, the rows survive and the next
 * sweep deletes them again (deleting a missing key succeeds).
 */
@ApplicationScoped
public class UnreferencedObjectSweeper {

    private static final Logger LOG = Logger.getLogger(UnreferencedObjectSweeper.class);
    private static final int BATCH = 100;

    @Inject
    EntityManager em;

    @Inject
    MediaObjectRepository objects;

    @Inject
    MediaReferences references;

    @Inject
    ObjectStorage storage;

    @Inject
    MediaEvents events;

    @Inject
    MediaReferencesConfig config;

    @Scheduled(
            every = "${vf.media.orphan-sweep-every:PT1M}",
            delayed = "${vf.media.orphan-sweep-every:PT1M}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            List<String> deleted = sweep();
            if (!deleted.isEmpty()) {
                LOG.infof("deleted %d objects nothing referenced for %s", deleted.size(), config.orphanGrace());
            }
        } catch (RuntimeException e) {
            LOG.warnf("unreferenced objects not swept this time (next run retries): %s", e.getMessage());
        }
    }

    /** Deletes every object unreferenced for longer than the grace; returns their keys. Visible for tests. */
    public List<String> sweep() {
        List<String> deleted = new ArrayList<>();
        while (true) {
            Batch batch = SystemContext.inNewTransaction("unreferenced media sweep", this::sweepBatch);
            deleted.addAll(batch.deleted());
            if (batch.claimed() < BATCH) {
                return deleted;
            }
        }
    }

    private Batch sweepBatch() {
        @SuppressWarnings("unchecked")
        List<MediaObject> due = em.createNativeQuery("""
                select * from media_objects
                where unreferenced_since <= now() - make_interval(secs => ?1)
                order by unreferenced_since limit ?2
                for update skip locked""", MediaObject.class)
                .setParameter(1, config.orphanGrace().toMillis() / 1000.0)
                .setParameter(2, BATCH)
                .getResultList();
        List<String> keys = new ArrayList<>();
        for (MediaObject object : due) {
            if (references.isReferenced(object.s3Key)) {
                // A reference came back without clearing the mark (should not happen; cheap to repair).
                em.createNativeQuery("update media_objects set unreferenced_since = null where id = ?1")
                        .setParameter(1, object.id)
                        .executeUpdate();
                continue;
            }
            objects.delete(object);
            events.objectDeleted(object, storage.mediaUrl(object.s3Key));
            keys.add(object.s3Key);
        }
        objects.flush();
        if (!keys.isEmpty()) {
            storage.deleteAll(keys);
        }
        return new Batch(due.size(), keys);
    }

    private record Batch(int claimed, List<String> deleted) {}
}
