package com.vibrationfit.aiusage.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vibrationfit.aiusage.pricing.PriceTable;
import com.vibrationfit.platform.errors.NotFound;
import com.vibrationfit.platform.inbox.DeletedMembers;
import com.vibrationfit.platform.time.DatabaseClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A member's token account and its lots (grants), the rows every ledger service works on. Every change of a member's
 * tokens goes through {@link #lock} first ({@code SELECT ... FOR UPDATE}), which also settles what time has made due
 * (drips, expiries, lapsed reservations), so any number of concurrent calls for one member run one after the other
 * and can never spend more than is there. Used inside the callers' transactions, as system.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class TokenAccounts {

    /** Whether a call that finds no account may open one. */
    public enum Opening {
        /**
         * The member's own call (their verified token proves they exist), a service spending for them or an
         * admin granting to them: opened with the initial grant.
         */
        OPEN,
        /** Never (someone else's read, settlements): 404 when there is no account. */
        NEVER
    }

    @Inject
    EntityManager em;

    @Inject
    PriceTable prices;

    @Inject
    ObjectMapper json;

    @Inject
    DeletedMembers deletedMembers;

    @Inject
    Event<TopUpDue> topUpsDue;

    /** The member's existing account, locked for this transaction; 404 when there is none. */
    TokenAccount lock(UUID userId) {
        return lock(userId, Opening.NEVER);
    }

    /**
     * The member's account, locked for this transaction, opened with the initial grant if {@code opening} allows.
     * A deleted member has none and gets none again (404): their ledger was purged. The deleted check holds the
     * member's deletion lock until the transaction ends, so a purge cannot slip between it and the insert.
     */
    TokenAccount lock(UUID userId, Opening opening) {
        if (deletedMembers.isDeleted(userId)) {
            throw new NotFound("member " + userId + " was deleted");
        }
        Instant now = DatabaseClock.now();
        int created = 0;
        if (opening == Opening.OPEN) {
            created = em.createNativeQuery("""
                    insert into token_accounts (user_id, monthly_drip, drip_cycle, last_drip_at, created_at, updated_at)
                    values (?1, ?2, 0, ?3, ?3, ?3) on conflict (user_id) do nothing""")
                    .setParameter(1, userId)
                    .setParameter(2, prices.plan().monthlyDrip())
                    .setParameter(3, now)
                    .executeUpdate();
        }
        TokenAccount account = em.find(TokenAccount.class, userId, LockModeType.PESSIMISTIC_WRITE);
        if (account == null) {
            throw new NotFound("member " + userId + " has no token account");
        }
        if (created == 1) {
            addGrant(userId, TokenGrant.INITIAL, prices.plan().initialTokens(), null, null, now, g -> {});
        }
        settle(account, now);
        return account;
    }

    /** Deletes the member's account (its grants and reservations go with it) and every use. */
    public void purge(UUID userId) {
        em.createNativeQuery("delete from token_usage where user_id = ?1")
                .setParameter(1, userId)
                .executeUpdate();
        em.createNativeQuery("delete from token_accounts where user_id = ?1")
                .setParameter(1, userId)
                .executeUpdate();
    }

    /** Grants the drips that came due, expires lots and reservations whose time is over. */
    private void settle(TokenAccount account, Instant now) {
        for (int cycle : LedgerRules.dueCycles(account.createdAt, account.dripCycle, now)) {
            Instant start = LedgerRules.cycleStart(account.createdAt, cycle);
            if (account.monthlyDrip > 0) {
                addGrant(
                        account.userId,
                        TokenGrant.DRIP,
                        account.monthlyDrip,
                        LedgerRules.dripExpiry(account.createdAt, cycle),
                        cycle,
                        start,
                        g -> {});
            }
            account.dripCycle = cycle;
            account.lastDripAt = start;
            account.updatedAt = now;
        }
        em.flush();
        em.createNativeQuery("""
                update token_grants set expired = expired + remaining, remaining = 0
                where user_id = ?1 and remaining > 0 and expires_at <= ?2""")
                .setParameter(1, account.userId)
                .setParameter(2, now)
                .executeUpdate();
        em.createNativeQuery("""
                update token_reservations set status = 'expired', settled_at = ?2
                where user_id = ?1 and status = 'open' and expires_at <= ?2""")
                .setParameter(1, account.userId)
                .setParameter(2, now)
                .executeUpdate();
    }

    /** What the member can spend: their lots' remaining tokens less what open reservations hold. */
    int available(UUID userId) {
        Number remaining =
                (Number) em.createNativeQuery("select coalesce(sum(remaining), 0) from token_grants where user_id = ?1")
                        .setParameter(1, userId)
                        .getSingleResult();
        return remaining.intValue() - reserved(userId);
    }

    private int reserved(UUID userId) {
        return ((Number) em.createNativeQuery(
                                "select coalesce(sum(estimated_tokens), 0) from token_reservations where user_id = ?1 and status = 'open'")
                        .setParameter(1, userId)
                        .getSingleResult())
                .intValue();
    }

    /** Takes {@code tokens} from the member's lots (soonest expiry first, then oldest). */
    void take(UUID userId, int tokens) {
        if (tokens == 0) {
            return;
        }
        List<TokenGrant> lots = em.createQuery("from TokenGrant where userId = ?1 and remaining > 0", TokenGrant.class)
                .setParameter(1, userId)
                .getResultList();
        Map<UUID, Integer> taken =
                LedgerRules.consume(lots.stream().map(TokenGrant::lot).toList(), tokens);
        for (TokenGrant lot : lots) {
            Integer take = taken.get(lot.id);
            if (take != null) {
                lot.remaining -= take;
                lot.consumed += take;
            }
        }
        em.flush();
    }

    /**
     * Asks for the member's auto top-up when what they can spend fell below a fifth of the pack (at most once per
     * cycle, and only with a card saved at the payment provider): a {@link TopUpDue} the billing side turns into a
     * charge. Nothing is granted here: the tokens come when the payment has succeeded.
     */
    void topUpIfDue(UUID userId, Instant now) {
        TokenAccount account = em.find(TokenAccount.class, userId);
        PriceTable.Pack pack =
                account.autoTopupPackId == null ? null : prices.packs().get(account.autoTopupPackId);
        if (pack != null
                && account.paymentMethodId != null
                && LedgerRules.topUpDue(
                        account.autoTopupEnabled,
                        account.autoTopupPackId,
                        available(account.userId),
                        pack.tokens(),
                        account.lastTopupAt,
                        account.lastDripAt)) {
            account.lastTopupAt = now;
            account.updatedAt = now;
            em.flush();
            topUpsDue.fire(new TopUpDue(userId, account.autoTopupPackId, pack.tokens(), pack.priceCents()));
        }
    }

    TokenGrant addGrant(
            UUID userId,
            String kind,
            int amount,
            Instant expiresAt,
            Integer cycle,
            Instant at,
            Consumer<TokenGrant> details) {
        TokenGrant grant = new TokenGrant();
        grant.id = UUID.randomUUID();
        grant.userId = userId;
        grant.kind = kind;
        grant.amount = amount;
        grant.remaining = Math.max(amount, 0);
        grant.expiresAt = expiresAt;
        grant.cycle = cycle;
        grant.createdAt = at;
        details.accept(grant);
        em.persist(grant);
        return grant;
    }

    /** Takes back what is left of a lot (a refund): what was spent stays spent. */
    int revoke(UUID grantId) {
        TokenGrant grant = em.find(TokenGrant.class, grantId);
        if (grant == null || grant.remaining == 0) {
            return 0;
        }
        int taken = grant.remaining;
        grant.revoked += taken;
        grant.remaining = 0;
        em.flush();
        return taken;
    }

    /** The member's balance as the rows say now (call {@link #lock} first to settle it). */
    Balance balance(UUID userId) {
        TokenAccount account = em.find(TokenAccount.class, userId);
        Object[] sums =
                (Object[]) em.createNativeQuery("""
                select coalesce(sum(remaining), 0), coalesce(sum(expired), 0), coalesce(sum(greatest(amount, 0)), 0)
                from token_grants where user_id = ?1""").setParameter(1, userId).getSingleResult();
        int remaining = ((Number) sums[0]).intValue();
        int reserved = reserved(userId);
        int used = ((Number) em.createNativeQuery(
                                "select coalesce(sum(charged_tokens), 0) from token_reservations where user_id = ?1 and status = 'captured'")
                        .setParameter(1, userId)
                        .getSingleResult())
                .intValue();
        BigDecimal cost = (BigDecimal)
                em.createNativeQuery("select coalesce(sum(cost_estimate), 0) from token_usage where user_id = ?1")
                        .setParameter(1, userId)
                        .getSingleResult();
        @SuppressWarnings("unchecked")
        List<Integer> dripCycles = em.createNativeQuery(
                        "select cycle from token_grants where user_id = ?1 and kind = 'drip' and remaining > 0")
                .setParameter(1, userId)
                .getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> expiring =
                em.createNativeQuery("""
                select sum(remaining), expires_at from token_grants where user_id = ?1 and remaining > 0
                and expires_at is not null group by expires_at order by expires_at""").setParameter(1, userId).getResultList();
        return new Balance(
                userId,
                remaining - reserved,
                reserved,
                used,
                cost.setScale(4, RoundingMode.HALF_UP),
                ((Number) sums[2]).intValue(),
                ((Number) sums[1]).intValue(),
                account.monthlyDrip,
                account.lastDripAt,
                LedgerRules.cycleStart(account.createdAt, account.dripCycle + 1),
                LedgerRules.rolloverCycles(account.dripCycle, dripCycles),
                account.autoTopupEnabled,
                account.autoTopupPackId,
                expiring.stream()
                        .map(row -> new Balance.Expiring(((Number) row[0]).intValue(), DatabaseClock.instantOf(row[1])))
                        .toList());
    }

    /** A usage row's metadata column. */
    String metadata(Map<String, Object> metadata) {
        try {
            return json.writeValueAsString(metadata);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
