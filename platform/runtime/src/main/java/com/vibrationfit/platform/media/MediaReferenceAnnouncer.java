package com.vibrationfit.platform.media;

import com.vibrationfit.events.EventType;
import com.vibrationfit.events.MediaReferencesChanged;
import com.vibrationfit.platform.outbox.Outbox;
import com.vibrationfit.platform.time.DatabaseClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * Tells media-service which media one entity of this service references, so an object is deleted only
 * once no entity of any service references it. Records {@code media.references.changed} with the
 * entity's FULL current set in the outbox of the transaction that changes the entity, on the service's
 * own topic.
 *
 * <p>Call it after the entity's row is inserted or locked ({@code SELECT ... FOR UPDATE}) in that
 * transaction: the version is then drawn while no other change of the same entity can run, so a later
 * change always carries a higher version, whatever order the events are committed, relayed or consumed in.
 */
@ApplicationScoped
public class MediaReferenceAnnouncer {

    // The outbox's own sequence: strictly increasing in the service's database, unlike any clock.
    private static final String NEXT_VERSION = "select nextval('outbox_events_seq_seq')";

    @Inject
    Outbox outbox;

    @Inject
    EntityManager entityManager;

    /** {@code mediaUrls} is everything the entity references now (null and blank URLs are left out). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void references(String topic, String entityType, UUID entityId, UUID userId, Collection<String> mediaUrls) {
        LinkedHashSet<String> urls = new LinkedHashSet<>();
        if (mediaUrls != null) {
            mediaUrls.stream().filter(url -> url != null && !url.isBlank()).forEach(urls::add);
        }
        announce(
                topic,
                new MediaReferencesChanged(
                        entityType, entityId, userId, List.copyOf(urls), false, nextVersion(), DatabaseClock.now()));
    }

    /** The entity is gone: it references nothing any more, and older updates of it must not revive it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void deleted(String topic, String entityType, UUID entityId, UUID userId) {
        announce(
                topic,
                new MediaReferencesChanged(
                        entityType, entityId, userId, List.of(), true, nextVersion(), DatabaseClock.now()));
    }

    private void announce(String topic, MediaReferencesChanged change) {
        outbox.record(topic, EventType.MEDIA_REFERENCES_CHANGED, change.userId(), change);
    }

    private long nextVersion() {
        return ((Number) entityManager.createNativeQuery(NEXT_VERSION).getSingleResult()).longValue();
    }
}
