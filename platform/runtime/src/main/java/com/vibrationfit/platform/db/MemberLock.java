package com.vibrationfit.platform.db;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * Serialises one member's changes of a kind until the transaction ends (a PostgreSQL transaction-scoped
 * advisory lock keyed by the member), for rules a row lock cannot guard because the row may not exist yet:
 * "at most one draft", "one assessment in progress". Two members rarely share a key; if they do, they only
 * wait for each other.
 */
@ApplicationScoped
public class MemberLock {

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(UUID userId) {
        em.createNativeQuery("select pg_advisory_xact_lock(?1)")
                .setParameter(1, userId.getMostSignificantBits() ^ userId.getLeastSignificantBits()).getSingleResult();
    }
}
