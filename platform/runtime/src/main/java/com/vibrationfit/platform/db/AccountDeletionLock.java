package com.vibrationfit.platform.db;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * Makes an account deletion a clean cut in each service's database. Every transaction that acts for a member
 * (a request with their token, an event about them, a job working for them) holds this lock shared until it
 * ends; the purge holds it exclusively. So a purge waits for the member's transactions in flight, and a
 * transaction that starts during the purge waits for it and then sees the member as deleted: nothing can
 * pass its "not deleted" check before the purge commits and write after it.
 *
 * <p>A PostgreSQL transaction-scoped advisory lock on the two-key form (its own key space, apart from
 * {@link MemberLock}'s single-key locks, so a member transaction may hold both). Two members rarely share a
 * key; if they do, one's purge only waits for the other's transactions.
 */
@ApplicationScoped
public class AccountDeletionLock {

    /** The first key of every account deletion lock: "VFDL". */
    public static final int KEY_SPACE = 0x5646_444C;

    @Inject
    EntityManager em;

    /** The second key: the member's id folded to 32 bits (UUID.hashCode is specified, so stable everywhere). */
    public static int keyOf(UUID userId) {
        return userId.hashCode();
    }

    /** Held by work for the member; waits while their purge runs. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void holdShared(UUID userId) {
        em.createNativeQuery("select pg_advisory_xact_lock_shared(?1, ?2)")
                .setParameter(1, KEY_SPACE).setParameter(2, keyOf(userId)).getSingleResult();
    }

    /** Held by the purge; waits for the member's transactions in flight to end. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void holdExclusive(UUID userId) {
        em.createNativeQuery("select pg_advisory_xact_lock(?1, ?2)")
                .setParameter(1, KEY_SPACE).setParameter(2, keyOf(userId)).getSingleResult();
    }
}
