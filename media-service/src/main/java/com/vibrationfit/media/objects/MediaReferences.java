package com.vibrationfit.media.objects;

import com.vibrationfit.events.MediaReferencesChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Which entities of other services reference which media objects, from their
 * {@code media.references.changed} announcements (the full set per entity). Nothing is deleted here: an
 * object that loses its last reference only gets {@code unreferenced_since}, and
 * {@link UnreferencedObjectSweeper} deletes it once it stayed unreferenced for the grace. Events of
 * different entities and services arrive in any order (each service has its own topic, and the outbox
 * relays in insert order, not commit order); the grace lets a reference announced a little late still
 * save the object. Runs inside an inbox transaction.
 */
@ApplicationScoped
public class MediaReferences {

    private static final Logger LOG = Logger.getLogger(MediaReferences.class);

    // Applies only a newer version; a tombstone (deleted = true) keeps the entity's last version.
    private static final String NEWER_VERSION = """
            insert into media_referrers (service, entity_type, entity_id, user_id, version, changed_at, deleted)
            values (?1, ?2, ?3, ?4, ?5, ?6, ?7)
            on conflict (service, entity_type, entity_id) do update
              set version = excluded.version, changed_at = excluded.changed_at, deleted = excluded.deleted,
                  applied_at = now()
              where media_referrers.version < excluded.version
            returning version""";

    @Inject
    EntityManager em;

    @Inject
    StorageConfig storage;

    /**
     * Makes {@code change} the references of its entity announced by {@code service}, unless a newer (or the
     * same) version of that entity was already applied. Returns whether it was applied.
     */
    public boolean apply(String service, MediaReferencesChanged change) {
        List<?> applied = em.createNativeQuery(NEWER_VERSION)
                .setParameter(1, service)
                .setParameter(2, change.entityType())
                .setParameter(3, change.entityId())
                .setParameter(4, change.userId())
                .setParameter(5, change.version())
                .setParameter(6, Timestamp.from(change.changedAt() == null ? Instant.now() : change.changedAt()))
                .setParameter(7, change.deleted())
                .getResultList();
        if (applied.isEmpty()) {
            LOG.debugf(
                    "%s %s %s version %d is not newer than the one applied; ignored",
                    service, change.entityType(), change.entityId(), change.version());
            return false;
        }
        Set<String> now = change.deleted() ? Set.of() : keysOf(change);
        @SuppressWarnings("unchecked")
        Set<String> before = new TreeSet<>(em.createNativeQuery("""
                select s3_key from media_references where service = ?1 and entity_type = ?2 and entity_id = ?3""")
                .setParameter(1, service)
                .setParameter(2, change.entityType())
                .setParameter(3, change.entityId())
                .getResultList());
        Set<String> added = new TreeSet<>(now);
        added.removeAll(before);
        Set<String> removed = new TreeSet<>(before);
        removed.removeAll(now);

        // Object rows first, in one order: a sweep deciding on the same object waits for (or is skipped by)
        // this transaction, and two consumers touching the same objects cannot deadlock.
        Set<String> touched = new TreeSet<>(added);
        touched.addAll(removed);
        for (String key : touched) {
            em.createNativeQuery("select 1 from media_objects where s3_key = ?1 for update")
                    .setParameter(1, key)
                    .getResultList();
        }
        for (String key : removed) {
            em.createNativeQuery("""
                    delete from media_references
                    where service = ?1 and entity_type = ?2 and entity_id = ?3 and s3_key = ?4""")
                    .setParameter(1, service)
                    .setParameter(2, change.entityType())
                    .setParameter(3, change.entityId())
                    .setParameter(4, key)
                    .executeUpdate();
        }
        for (String key : added) {
            em.createNativeQuery("""
                    insert into media_references (s3_key, user_id, service, entity_type, entity_id)
                    values (?1, ?2, ?3, ?4, ?5)""")
                    .setParameter(1, key)
                    .setParameter(2, change.userId())
                    .setParameter(3, service)
                    .setParameter(4, change.entityType())
                    .setParameter(5, change.entityId())
                    .executeUpdate();
            em.createNativeQuery("update media_objects set unreferenced_since = null where s3_key = ?1")
                    .setParameter(1, key)
                    .executeUpdate();
        }
        for (String key : removed) {
            em.createNativeQuery("""
                    update media_objects o set unreferenced_since = now()
                    where o.s3_key = ?1 and o.unreferenced_since is null
                      and not exists (select 1 from media_references r where r.s3_key = o.s3_key)""").setParameter(1, key).executeUpdate();
        }
        return true;
    }

    /** Whether any entity of any service references {@code key} now. */
    public boolean isReferenced(String key) {
        return !em.createNativeQuery("select 1 from media_references where s3_key = ?1 limit 1")
                .setParameter(1, key)
                .getResultList()
                .isEmpty();
    }

    /** A deleted member's references and referrers (their objects are deleted by the purge). */
    public int deleteAllOf(UUID userId) {
        int references = em.createNativeQuery("delete from media_references where user_id = ?1")
                .setParameter(1, userId)
                .executeUpdate();
        em.createNativeQuery("delete from media_referrers where user_id = ?1")
                .setParameter(1, userId)
                .executeUpdate();
        return references;
    }

    /**
     * The object keys among the announced URLs. Only the member's own objects count: a URL under another
     * member's prefix neither keeps that object alive nor lets it be deleted.
     */
    private Set<String> keysOf(MediaReferencesChanged change) {
        String prefix = storage.urlPrefix();
        String own = "users/" + change.userId() + "/";
        Set<String> keys = new TreeSet<>();
        if (change.mediaUrls() != null) {
            for (String url : change.mediaUrls()) {
                if (url == null || !url.startsWith(prefix)) {
                    continue;
                }
                String key = url.substring(prefix.length());
                if (key.startsWith(own) && !key.contains("..")) {
                    keys.add(key);
                } else {
                    LOG.warnf(
                            "%s %s of %s names %s, not one of the member's objects; ignored",
                            change.entityType(), change.entityId(), change.userId(), url);
                }
            }
        }
        return keys;
    }
}
