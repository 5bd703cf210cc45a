package com.vibrationfit.profile.account;

import com.vibrationfit.events.EventType;
import com.vibrationfit.events.Topics;
import com.vibrationfit.events.UserDeleted;
import com.vibrationfit.platform.inbox.DeletedMembers;
import com.vibrationfit.platform.inbox.UserDataPurger;
import com.vibrationfit.platform.outbox.Outbox;
import com.vibrationfit.platform.time.DatabaseClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Deleting users, whichever way they go. A request records the deletion (once per user: asking again changes
 * nothing); {@link #process} then deletes the user from the identity provider (one that is already gone counts as
 * deleted) and, in the transaction that marks the deletion announced, writes {@code user.deleted} to the outbox:
 * published exactly once, and every service purges the member's rows when it arrives. A provider that is down
 * is tried again with backoff until it answers; a crash in between is harmless, as the next attempt finds the
 * user gone and announces. Runs as system.
 */
@ApplicationScoped
@Transactional
public class AccountDeletionService {

    private static final Logger LOG = Logger.getLogger(AccountDeletionService.class);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    IdentityProvider identity;

    @Inject
    Instance<UserDataPurger> purgers;

    @Inject
    DeletedMembers deletedMembers;

    @Inject
    AccountDeletionJob job;

    /** Records a deletion the member or an admin asked for; the existing one when the user is already being deleted. */
    public AccountDeletion request(UUID userId, String origin, UUID requestedBy) {
        em.createNativeQuery("""
                insert into account_deletions (user_id, origin, requested_by, state, requested_at, next_attempt_at)
                values (?1, ?2, ?3, 'pending', ?4, ?4) on conflict (user_id) do nothing""")
                .setParameter(1, userId)
                .setParameter(2, origin)
                .setParameter(3, requestedBy)
                .setParameter(4, DatabaseClock.now())
                .executeUpdate();
        job.wakeUpAfterCommit();
        return em.find(AccountDeletion.class, userId);
    }

    /** The identity provider reports the user deleted (in its console): announce it, unless already known. */
    public void deletedAtIdentityProvider(UUID userId, Instant at) {
        em.createNativeQuery("""
                insert into account_deletions (user_id, origin, state, requested_at, next_attempt_at, identity_deleted_at)
                values (?1, 'identity_provider', 'pending', ?2, ?2, ?3) on conflict (user_id) do nothing""")
                .setParameter(1, userId)
                .setParameter(2, DatabaseClock.now())
                .setParameter(3, at)
                .executeUpdate();
        job.wakeUpAfterCommit();
    }

    public AccountDeletion find(UUID userId) {
        return em.find(AccountDeletion.class, userId);
    }

    /** When the earliest pending deletion is next due; empty when none is pending. */
    public Optional<Instant> nextAttemptAt() {
        Object at = em.createNativeQuery("select min(next_attempt_at) from account_deletions where state = 'pending'")
                .getSingleResult();
        return Optional.ofNullable(at).map(DatabaseClock::instantOf);
    }

    /** Deletions whose next attempt is due. */
    @SuppressWarnings("unchecked")
    public List<UUID> due(int limit) {
        return em.createNativeQuery("""
                select user_id from account_deletions where state = 'pending' and next_attempt_at <= ?1
                order by next_attempt_at limit ?2""")
                .setParameter(1, DatabaseClock.now())
                .setParameter(2, limit)
                .getResultList();
    }

    /**
     * Takes one deletion a step further, holding its row (another replica skips it): the provider's user deleted,
     * then user.deleted written to the outbox in this same transaction. False when it must be tried again later.
     */
    public boolean process(UUID userId) {
        @SuppressWarnings("unchecked")
        List<UUID> locked = em.createNativeQuery(
                        "select user_id from account_deletions where user_id = ?1 and state = 'pending' for update skip locked")
                .setParameter(1, userId)
                .getResultList();
        if (locked.isEmpty()) {
            return true; // announced meanwhile, or another replica holds it
        }
        AccountDeletion deletion = em.find(AccountDeletion.class, userId); // the row locked just above
        Instant now = DatabaseClock.now();
        if (deletion.identityDeletedAt == null) {
            try {
                boolean deletedNow = identity.deleteUser(userId);
                LOG.infof(
                        "user %s %s the identity provider",
                        userId, deletedNow ? "deleted from" : "was already gone from");
                deletion.identityDeletedAt = now;
            } catch (IdentityProvider.Unavailable e) {
                deletion.attempts++;
                deletion.lastError = e.getMessage();
                deletion.nextAttemptAt = now.plus(backoff(deletion.attempts));
                LOG.warnf(
                        "deleting user %s: %s (attempt %d; next in %s)",
                        userId, e.getMessage(), deletion.attempts, backoff(deletion.attempts));
                return false;
            }
        }
        UUID announcement = outbox.record(
                Topics.IDENTITY, EventType.USER_DELETED, userId, new UserDeleted(userId, deletion.identityDeletedAt));
        // This service purges its own rows now, with the announcement, rather than when its consumer gets the event
        // back (after a crash that can wait for Kafka to expire the dead consumer's session). Its consumer still
        // applies the event later, with nothing left to purge.
        deletedMembers.remember(userId);
        purgers.forEach(purger -> purger.purge(userId));
        deletedMembers.forgetOutboxEventsExcept(userId, announcement);
        deletion.state = AccountDeletion.ANNOUNCED;
        deletion.announcedAt = now;
        deletion.lastError = null;
        return true;
    }

    /** 1 s, 2 s, 4 s ... at most {@link #MAX_BACKOFF}. */
    static Duration backoff(int attempts) {
        long seconds = 1L << Math.min(Math.max(attempts - 1, 0), 5);
        return Duration.ofSeconds(Math.min(seconds, MAX_BACKOFF.toSeconds()));
    }

    // ---- where the provider's admin events were read to ----------------------------------------------------

    @SuppressWarnings("unchecked")
    public Instant readUntil(String provider, Instant initial) {
        List<Object> rows = em.createNativeQuery("select read_until from identity_event_positions where provider = ?1")
                .setParameter(1, provider)
                .getResultList();
        return rows.isEmpty() ? initial : DatabaseClock.instantOf(rows.get(0));
    }

    public void readTo(String provider, Instant until) {
        em.createNativeQuery("""
                insert into identity_event_positions (provider, read_until) values (?1, ?2)
                on conflict (provider) do update set read_until = greatest(identity_event_positions.read_until, excluded.read_until)""")
                .setParameter(1, provider)
                .setParameter(2, until)
                .executeUpdate();
    }
}
