package com.vibrationfit.media.objects;

import com.vibrationfit.media.events.MediaEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps track of which resources of other services reference which media objects, and deletes an
 * object (row and bytes) once nothing references it any more. Runs inside an inbox transaction.
 */
@ApplicationScoped
public class MediaReferences {

    @Inject
    EntityManager em;

    @Inject
    MediaObjectRepository objects;

    @Inject
    ObjectStorage storage;

    @Inject
    MediaEvents events;

    @ConfigProperty(name = "vf.media.url-prefix", defaultValue = "s3://vibrationfit-media/")
    String urlPrefix;

    /**
     * Sets the objects {@code (refType, refId)} references to {@code mediaUrls} (of {@code userId}),
     * then deletes objects among {@code candidates} that lost their last reference. Returns the deleted keys.
     */
    public List<String> replace(String refType, UUID refId, UUID userId, List<String> mediaUrls, List<String> candidates) {
        Set<String> keys = keysOf(mediaUrls);
        Set<String> maybeOrphaned = keysOf(candidates);
        @SuppressWarnings("unchecked")
        List<String> previous = em.createNativeQuery(
                "select s3_key from media_references where ref_type = ?1 and ref_id = ?2")
                .setParameter(1, refType).setParameter(2, refId).getResultList();
        maybeOrphaned.addAll(previous);
        em.createNativeQuery("delete from media_references where ref_type = ?1 and ref_id = ?2")
                .setParameter(1, refType).setParameter(2, refId).executeUpdate();
        for (String key : keys) {
            em.createNativeQuery("""
                    insert into media_references (s3_key, user_id, ref_type, ref_id) values (?1, ?2, ?3, ?4)
                    on conflict do nothing""")
                    .setParameter(1, key).setParameter(2, userId).setParameter(3, refType).setParameter(4, refId)
                    .executeUpdate();
        }
        maybeOrphaned.removeAll(keys);
        List<String> deleted = new ArrayList<>();
        for (String key : maybeOrphaned) {
            Number remaining = (Number) em.createNativeQuery("select count(*) from media_references where s3_key = ?1")
                    .setParameter(1, key).getSingleResult();
            if (remaining.longValue() > 0) {
                continue;
            }
            objects.findByKey(key).filter(o -> o.userId.equals(userId)).ifPresent(object -> {
                objects.delete(object);
                events.objectDeleted(object, storage.mediaUrl(object.s3Key));
                deleted.add(object.s3Key);
            });
        }
        objects.flush();
        if (!deleted.isEmpty()) {
            storage.deleteAll(deleted);
        }
        return deleted;
    }

    public int deleteAllOf(UUID userId) {
        return em.createNativeQuery("delete from media_references where user_id = ?1").setParameter(1, userId)
                .executeUpdate();
    }

    private Set<String> keysOf(List<String> urls) {
        Set<String> keys = new LinkedHashSet<>();
        if (urls != null) {
            for (String url : urls) {
                if (url != null && url.startsWith(urlPrefix)) {
                    keys.add(url.substring(urlPrefix.length()));
                }
            }
        }
        return keys;
    }
}
