package com.vibrationfit.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * Members whose account was deleted, as this service learnt from {@code user.deleted}. Kept in the
 * service's own database ({@code deleted_users}) so that events about them still in flight on other
 * topics, applied after the purge, re-create nothing.
 */
@ApplicationScoped
public class DeletedMembers {

    @Inject
    EntityManager em;

    /** Records the deletion in the caller's (purge) transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void remember(UUID userId) {
        em.createNativeQuery("insert into deleted_users (user_id) values (?1) on conflict do nothing")
                .setParameter(1, userId).executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean isDeleted(UUID userId) {
        return !em.createNativeQuery("select 1 from deleted_users where user_id = ?1")
                .setParameter(1, userId).getResultList().isEmpty();
    }

    /**
     * Removes the member's events from the outbox, sent or not: they carry the member's text, and an
     * unsent one would only announce rows that no longer exist.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int forgetOutboxEvents(UUID userId) {
        return em.createNativeQuery("delete from outbox_events where event_key = ?1")
                .setParameter(1, userId.toString()).executeUpdate();
    }

    /** The same, keeping one event: the {@code user.deleted} the service announcing the deletion just recorded. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int forgetOutboxEventsExcept(UUID userId, UUID keep) {
        return em.createNativeQuery("delete from outbox_events where event_key = ?1 and id <> ?2")
                .setParameter(1, userId.toString()).setParameter(2, keep).executeUpdate();
    }
}
