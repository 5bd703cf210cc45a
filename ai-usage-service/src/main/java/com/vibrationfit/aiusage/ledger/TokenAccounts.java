package com.vibrationfit.aiusage.ledger;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
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
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        return snapshot(userId, DatabaseClock.now())
                .orElseThrow(() -> new NotFound("member " + userId + " has no token account"))
                .balance(userId);
    }

    /**
     * The member's balance read without the account's lock or any write, when time has made nothing due (no drip,
     * no lot or hold past its expiry): most reads. Empty when there is no account yet or something is due; the
     * caller then takes {@link #lock}, which settles it.
     */
    Optional<Balance> settledBalance(UUID userId, Instant now) {
        return snapshot(userId, now).filter(s -> !s.dueAt(now)).map(s -> s.balance(userId));
    }

    /** Everything a balance is made of, in one statement (one snapshot, one round trip). */
    private static final String SNAPSHOT = """
            select jsonb_build_object(
              'monthly_drip', a.monthly_drip, 'drip_cycle', a.drip_cycle, 'created_at', a.created_at,
              'last_drip_at', a.last_drip_at, 'auto_topup_enabled', a.auto_topup_enabled,
              'auto_topup_pack_id', a.auto_topup_pack_id,
              'remaining', g.remaining, 'expired', g.expired, 'granted', g.granted, 'lots_due', g.due,
              'drip_cycles', g.drip_cycles,
              'reserved', r.reserved, 'used', r.used, 'holds_due', r.due,
              'cost_cents', (select coalesce(sum(d.cost_cents), 0) from token_usage_daily d where d.user_id = a.user_id),
              'expiring', (select coalesce(jsonb_agg(jsonb_build_object('tokens', e.tokens, 'expires_at', e.expires_at)
                                                     order by e.expires_at), '[]')
                           from (select sum(remaining) as tokens, expires_at from token_grants
                                 where user_id = a.user_id and remaining > 0 and expires_at is not null
                                 group by expires_at) e))::text
            from token_accounts a,
            lateral (select coalesce(sum(remaining), 0) as remaining, coalesce(sum(expired), 0) as expired,
                            coalesce(sum(greatest(amount, 0)), 0) as granted,
                            coalesce(bool_or(remaining > 0 and expires_at <= ?2), false) as due,
                            coalesce(jsonb_agg(cycle) filter (where kind = 'drip' and remaining > 0), '[]') as drip_cycles
                     from token_grants where user_id = a.user_id) g,
            lateral (select coalesce(sum(estimated_tokens) filter (where status = 'open'), 0) as reserved,
                            coalesce(sum(charged_tokens) filter (where status = 'captured'), 0) as used,
                            coalesce(bool_or(status = 'open' and expires_at <= ?2), false) as due
                     from token_reservations where user_id = a.user_id) r
            where a.user_id = ?1""";

    private Optional<Snapshot> snapshot(UUID userId, Instant now) {
        @SuppressWarnings("unchecked")
        List<String> rows = em.createNativeQuery(SNAPSHOT)
                .setParameter(1, userId)
                .setParameter(2, now)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(rows.get(0), Snapshot.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable balance snapshot of " + userId, e);
        }
    }

    /** The account's columns and the sums over its lots, holds and daily usage, as {@link #SNAPSHOT} reads them. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Snapshot(
            int monthlyDrip,
            int dripCycle,
            OffsetDateTime createdAt,
            OffsetDateTime lastDripAt,
            boolean autoTopupEnabled,
            String autoTopupPackId,
            int remaining,
            int expired,
            int granted,
            boolean lotsDue,
            List<Integer> dripCycles,
            int reserved,
            int used,
            boolean holdsDue,
            BigDecimal costCents,
            List<ExpiringLots> expiring) {

        record ExpiringLots(
                int tokens, @JsonProperty("expires_at") OffsetDateTime expiresAt) {}

        /** Whether settling would change something: a drip came due, or a lot or an open hold expired. */
        boolean dueAt(Instant now) {
            return lotsDue
                    || holdsDue()
                    || !LedgerRules.dueCycles(createdAt.toInstant(), dripCycle, now)
                            .isEmpty();
        }

        Balance balance(UUID userId) {
            Instant created = createdAt.toInstant();
            return new Balance(
                    userId,
                    remaining - reserved,
                    reserved,
                    used,
                    costCents.setScale(4, RoundingMode.HALF_UP),
                    granted,
                    expired,
                    monthlyDrip,
                    lastDripAt.toInstant(),
                    LedgerRules.cycleStart(created, dripCycle + 1),
                    LedgerRules.rolloverCycles(dripCycle, dripCycles),
                    autoTopupEnabled,
                    autoTopupPackId,
                    expiring.stream()
                            .map(lots -> new Balance.Expiring(
                                    lots.tokens(), lots.expiresAt().toInstant()))
                            .toList());
        }
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
