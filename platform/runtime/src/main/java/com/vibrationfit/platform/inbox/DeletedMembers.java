package com.vibrationfit.platform.inbox;

import com.vibrationfit.platform.db.AfterCommit;
import com.vibrationfit.platform.db.MemberLock;
import com.vibrationfit.platform.storage.MemberObjectSweeper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
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

    @Inject
    MemberLock memberLock;

    @Inject
    MemberObjectSweeper sweeper;

    @Inject
    TransactionSynchronizationRegistry synchronizations;

    /**
     * Records the deletion in the caller's (purge) transaction, after waiting for the member's transactions in
     * flight ({@link MemberLock#ACCOUNT_DELETION}, held exclusively until the purge commits), and schedules the sweeps of
     * the objects this service may have written under the member's prefix ({@link MemberObjectSweeper}): the
     * first right after the commit, a last one once every write that could still be on its way is over.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void remember(UUID userId) {
        memberLock.hold(MemberLock.ACCOUNT_DELETION, userId);
        em.createNativeQuery("insert into deleted_users (user_id) values (?1) on conflict do nothing")
                .setParameter(1, userId)
                .executeUpdate();
        em.createNativeQuery("""
                insert into member_object_sweeps (user_id, due_at, sweeps_left) values (?1, now(), 2)
                on conflict (user_id) do update set due_at = now(), sweeps_left = 2""").setParameter(1, userId).executeUpdate();
        AfterCommit.run(synchronizations, sweeper::wakeUp);
    }

    /**
     * Whether the member was deleted. Holds their {@link MemberLock#ACCOUNT_DELETION} lock shared until the caller's
     * transaction ends, so the answer stays true for what the caller writes next: a purge that starts now waits
     * for it, and one that committed is seen (the check is read after the lock is granted).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean isDeleted(UUID userId) {
        memberLock.holdShared(MemberLock.ACCOUNT_DELETION, userId);
        return !em.createNativeQuery("select 1 from deleted_users where user_id = ?1")
                .setParameter(1, userId)
                .getResultList()
                .isEmpty();
    }

    /**
     * Removes the member's events from the outbox, sent or not: they carry the member's text, and an
     * unsent one would only announce rows that no longer exist.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int forgetOutboxEvents(UUID userId) {
        return em.createNativeQuery("delete from outbox_events where event_key = ?1")
                .setParameter(1, userId.toString())
                .executeUpdate();
    }

    /** The same, keeping one event: the {@code user.deleted} the service announcing the deletion just recorded. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int forgetOutboxEventsExcept(UUID userId, UUID keep) {
        return em.createNativeQuery("delete from outbox_events where event_key = ?1 and id <> ?2")
                .setParameter(1, userId.toString())
                .setParameter(2, keep)
                .executeUpdate();
    }
}
