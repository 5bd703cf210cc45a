package com.vibrationfit.platform.db;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * The one way a service serialises work on a member: a PostgreSQL transaction-scoped advisory lock, held until
 * the transaction ends, keyed by what it guards ({@link Purpose}) and the member. For rules a row lock cannot
 * guard because the row may not exist yet ("at most one draft", "the next version number", "room left in the
 * storage quota"), and for the account deletion's clean cut ({@link #ACCOUNT_DELETION}).
 *
 * <p>Always the two-key form: the first key is the purpose, the second the member's id folded to 32 bits
 * ({@code UUID.hashCode} and {@code String.hashCode} are specified, so every instance computes the same keys).
 * Two members rarely share a key; if they do, they only wait for each other.
 */
@ApplicationScoped
public class MemberLock {

    /** What a lock guards; its name gives the first key, so two purposes never block each other. */
    public record Purpose(String name) {

        public int key() {
            return name.hashCode();
        }
    }

    /**
     * Makes an account deletion a clean cut in each service's database. Every transaction that acts for a member
     * (a request with their token, an event about them, a job working for them) holds it shared until it ends; the
     * purge holds it exclusively. So a purge waits for the member's transactions in flight, and a transaction that
     * starts during the purge waits for it and then sees the member as deleted: nothing can pass its "not deleted"
     * check before the purge commits and write after it.
     */
    public static final Purpose ACCOUNT_DELETION = new Purpose("account-deletion");

    /** One member's changes of a kind that must not interleave (a profile draft and its commit, an assessment). */
    public static final Purpose CHANGES = new Purpose("member-changes");

    /**
     * A member's recordings and their machine transcripts. A write that copies known transcripts into the recordings
     * it stores holds it shared; a transcript's arrival holds it exclusively. Without it a transcript arriving while
     * an entry is being written updated the recordings committed so far, not the entry, which had read "pending" and
     * kept it for good.
     */
    public static final Purpose RECORDING_TRANSCRIPTS = new Purpose("recording-transcripts");

    @Inject
    EntityManager em;

    /** The second key: the member's id folded to 32 bits. */
    public static int keyOf(UUID userId) {
        return userId.hashCode();
    }

    /** Holds the lock exclusively until the caller's transaction ends; waits while another holds it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void hold(Purpose purpose, UUID userId) {
        em.createNativeQuery("select 1 from pg_advisory_xact_lock(?1, ?2)")
                .setParameter(1, purpose.key())
                .setParameter(2, keyOf(userId))
                .getSingleResult();
    }

    /** Holds the lock shared until the caller's transaction ends; waits while it is held exclusively. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void holdShared(Purpose purpose, UUID userId) {
        em.createNativeQuery("select 1 from pg_advisory_xact_lock_shared(?1, ?2)")
                .setParameter(1, purpose.key())
                .setParameter(2, keyOf(userId))
                .getSingleResult();
    }
}
