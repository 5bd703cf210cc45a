package com.vibrationfit.aiusage.ledger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.vibrationfit.aiusage.events.BalanceEvents;
import com.vibrationfit.aiusage.pricing.Cost;
import com.vibrationfit.aiusage.pricing.PriceTable;
import com.vibrationfit.events.AiUsageRecorded;
import com.vibrationfit.platform.errors.Conflict;
import com.vibrationfit.platform.errors.FieldError;
import com.vibrationfit.platform.errors.InvalidRequest;
import com.vibrationfit.platform.errors.NotFound;
import com.vibrationfit.platform.errors.PaymentRequired;
import com.vibrationfit.platform.errors.Unprocessable;
import com.vibrationfit.platform.time.DatabaseClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The token ledger. Every change of a member's tokens locks their account row first ({@code SELECT ... FOR
 * UPDATE}), then settles what time has made due (drips, expiries, lapsed reservations), so any number of
 * concurrent calls for one member run one after the other and can never spend more than is there. Callers
 * run it as system (the spend API, jobs, consumers, and member reads that settle first).
 */
@ApplicationScoped
@Transactional
public class Ledger {

    /** The largest single admin grant or deduction. */
    public static final int MAX_ADJUSTMENT = 1_000_000;

    @Inject
    EntityManager em;

    @Inject
    PriceTable prices;

    @Inject
    BalanceEvents events;

    @Inject
    ObjectMapper json;

    @Inject
    com.vibrationfit.platform.inbox.DeletedMembers deletedMembers;

    /** A deleted member's own token is refused (401), as every service refuses it. */
    public void requireMember(UUID userId) {
        if (deletedMembers.isDeleted(userId)) {
            throw new com.vibrationfit.platform.security.MemberDeleted();
        }
    }

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

    /** The member's existing account, locked for this transaction; 404 when there is none. */
    public TokenAccount lock(UUID userId) {
        return lock(userId, Opening.NEVER);
    }

    /**
     * The member's account, locked for this transaction, opened with the initial grant if {@code opening} allows.
     * A deleted member has none and gets none again (404): their ledger was purged. The deleted check holds the
     * member's deletion lock until the transaction ends, so a purge cannot slip between it and the insert.
     */
    public TokenAccount lock(UUID userId, Opening opening) {
        if (deletedMembers.isDeleted(userId)) {
            throw new NotFound("member " + userId + " was deleted");
        }
        Instant now = DatabaseClock.now();
        int created = 0;
        if (opening == Opening.OPEN) {
            created = em.createNativeQuery("""
                    insert into token_accounts (user_id, monthly_drip, drip_cycle, last_drip_at, created_at, updated_at)
                    values (?1, ?2, 0, ?3, ?3, ?3) on conflict (user_id) do nothing""")
                    .setParameter(1, userId).setParameter(2, prices.plan().monthlyDrip()).setParameter(3, now).executeUpdate();
        }
        TokenAccount account = em.find(TokenAccount.class, userId, LockModeType.PESSIMISTIC_WRITE);
        if (account == null) {
            throw new NotFound("member " + userId + " has no token account");
        }
        if (created == 1) {
            addGrant(userId, TokenGrant.INITIAL, prices.plan().initialTokens(), null, null, now, g -> {
            });
        }
        settle(account, now);
        return account;
    }

    /** Holds {@code tokens} for a call; 402 when the member has fewer available. */
    public TokenReservation reserve(UUID userId, String actionType, int tokens, String caller, java.time.Duration hold,
            Opening opening) {
        if (!TokenUsage.ACTION_TYPES.contains(actionType)) {
            throw InvalidRequest.of("action_type", "must be one of " + TokenUsage.ACTION_TYPES.stream().sorted().toList());
        }
        if (tokens <= 0) {
            throw InvalidRequest.of("estimated_tokens", "must be at least 1");
        }
        lock(userId, opening);
        int available = available(userId);
        if (tokens > available) {
            throw new PaymentRequired(available, tokens);
        }
        Instant now = DatabaseClock.now();
        TokenReservation reservation = new TokenReservation();
        reservation.id = UUID.randomUUID();
        reservation.userId = userId;
        reservation.actionType = actionType;
        reservation.estimatedTokens = tokens;
        reservation.caller = caller;
        reservation.createdAt = now;
        reservation.expiresAt = now.plus(hold != null ? hold : prices.plan().reservationTimeout());
        em.persist(reservation);
        em.flush();
        events.changed(balance(userId), "reserved");
        return reservation;
    }

    /**
     * Charges the call's actual cost (never more than the reservation plus what else is available), writes its
     * {@code token_usage} row and frees the rest. Capturing again answers the same usage; a released or
     * expired reservation cannot be captured (409).
     */
    public TokenUsage capture(UUID reservationId, UsageReport report, String caller) {
        reservationOf(reservationId, caller);
        return capture(reservationId, report, false);
    }

    /**
     * The capture of a call whose result was kept: a calling service's, read from the usage event it committed
     * with the result on {@code ai.usage} (its HTTP capture may never have arrived: this service down, the caller
     * killed right after its commit), or VIVA's own when the reply is stored. Already captured: nothing changes.
     * Lapsed or released meanwhile (an outage longer than the hold): the call was made and its result kept, so it
     * is charged anyway, from what is available now (never more), and the usage says so.
     */
    public TokenUsage captureReported(UUID reservationId, UsageReport report) {
        return capture(reservationId, report, true);
    }

    private TokenUsage capture(UUID reservationId, UsageReport report, boolean evenIfLapsed) {
        TokenReservation reservation = reservationOf(reservationId);
        lock(reservation.userId);
        em.refresh(reservation, LockModeType.PESSIMISTIC_WRITE);
        if (TokenReservation.CAPTURED.equals(reservation.status)) {
            return em.find(TokenUsage.class, reservation.usageId);
        }
        boolean held = TokenReservation.OPEN.equals(reservation.status);
        if (!held && !evenIfLapsed) {
            throw new Conflict("reservation " + reservationId + " is " + reservation.status + "; reserve again");
        }
        PriceTable.Price price = priceOf(report);
        boolean success = report.success() == null || report.success();
        Cost cost = Cost.of(price, orZero(report.inputTokens()), orZero(report.outputTokens()), orZero(report.characters()),
                orZero(report.images()));
        Instant now = DatabaseClock.now();
        int charged = 0;
        Map<String, Object> metadata = new HashMap<>(report.metadata() == null ? Map.of() : report.metadata());
        metadata.put("reservation_id", reservationId.toString());
        if (!held) {
            metadata.put("captured_late", "the reservation was " + reservation.status + " when its capture arrived");
        }
        if (success) {
            // What else is available, besides this reservation's own hold (released by this capture) if it holds.
            int ceiling = (held ? reservation.estimatedTokens : 0) + available(reservation.userId);
            charged = Math.min(cost.tokens(), ceiling);
            if (charged < cost.tokens()) {
                metadata.put("capped_from_tokens", cost.tokens());
            }
            take(reservation.userId, charged);
        }
        TokenUsage usage = new TokenUsage();
        usage.id = UUID.randomUUID();
        usage.userId = reservation.userId;
        usage.actionType = reservation.actionType;
        usage.modelUsed = report.modelUsed();
        usage.tokensUsed = charged;
        usage.inputTokens = price.kind().equals("text") ? orZero(report.inputTokens()) : cost.tokens();
        usage.outputTokens = orZero(report.outputTokens());
        usage.costEstimate = success ? cost.cents() : BigDecimal.ZERO.setScale(4);
        usage.success = success;
        usage.errorMessage = report.errorMessage();
        usage.metadata = write(metadata);
        usage.createdAt = now;
        em.persist(usage);
        reservation.status = TokenReservation.CAPTURED;
        reservation.chargedTokens = charged;
        reservation.usageId = usage.id;
        reservation.settledAt = now;
        em.flush();
        topUpIfDue(em.find(TokenAccount.class, reservation.userId), now);
        events.changed(balance(reservation.userId), "captured");
        return usage;
    }

    /** {@link #release(UUID)} by the client that reserved; another client's reservation is not found (404). */
    public TokenReservation release(UUID reservationId, String caller) {
        reservationOf(reservationId, caller);
        return release(reservationId);
    }

    /** Frees a reservation's hold (the call failed or was not made). Releasing again changes nothing. */
    public TokenReservation release(UUID reservationId) {
        TokenReservation reservation = reservationOf(reservationId);
        lock(reservation.userId);
        em.refresh(reservation, LockModeType.PESSIMISTIC_WRITE);
        if (TokenReservation.CAPTURED.equals(reservation.status)) {
            throw new Conflict("reservation " + reservationId + " was captured; it cannot be released");
        }
        if (TokenReservation.OPEN.equals(reservation.status)) {
            reservation.status = TokenReservation.RELEASED;
            reservation.settledAt = DatabaseClock.now();
            em.flush();
            events.changed(balance(reservation.userId), "released");
        }
        return reservation;
    }

    /** An admin grant (amount > 0, never expires) or deduction (amount < 0, from what is available). */
    public TokenGrant adjust(UUID userId, int amount, String reason, UUID admin) {
        List<FieldError> errors = new ArrayList<>();
        if (amount == 0) {
            errors.add(new FieldError("amount", "must not be 0: positive grants, negative deducts"));
        } else if (amount > MAX_ADJUSTMENT || amount < -MAX_ADJUSTMENT) {
            // Sums of grants stay far from int overflow (and -Integer.MIN_VALUE is itself).
            errors.add(new FieldError("amount", "must be between -" + MAX_ADJUSTMENT + " and " + MAX_ADJUSTMENT));
        }
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            errors.add(new FieldError("reason", "is required, at most 500 characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
        lock(userId, Opening.OPEN);
        Instant now = DatabaseClock.now();
        TokenGrant grant;
        if (amount > 0) {
            grant = addGrant(userId, TokenGrant.ADMIN_GRANT, amount, null, null, now, g -> {
                g.reason = reason;
                g.grantedBy = admin;
            });
        } else {
            int available = available(userId);
            if (-amount > available) {
                throw new Unprocessable("a deduction cannot exceed what is available",
                        List.of(new FieldError("amount", "deducts " + -amount + " but " + available + " are available")));
            }
            take(userId, -amount);
            grant = addGrant(userId, TokenGrant.ADMIN_DEDUCTION, amount, null, null, now, g -> {
                g.reason = reason;
                g.grantedBy = admin;
            });
        }
        em.flush();
        topUpIfDue(em.find(TokenAccount.class, userId), now);
        events.changed(balance(userId), amount > 0 ? "granted" : "deducted");
        return grant;
    }

    public TokenAccount setAutoTopUp(UUID userId, boolean enabled, String packId) {
        if (enabled && (packId == null || !prices.packs().containsKey(packId))) {
            throw InvalidRequest.of("pack_id", "must be one of " + prices.packs().keySet().stream().sorted().toList()
                    + " to enable auto top-up");
        }
        if (packId != null && !prices.packs().containsKey(packId)) {
            throw InvalidRequest.of("pack_id", "must be one of " + prices.packs().keySet().stream().sorted().toList());
        }
        TokenAccount account = lock(userId, Opening.OPEN);
        account.autoTopupEnabled = enabled;
        account.autoTopupPackId = packId;
        account.updatedAt = DatabaseClock.now();
        em.flush();
        topUpIfDue(account, account.updatedAt);
        events.changed(balance(userId), "auto_topup");
        return account;
    }

    /** The member's own balance, after settling what is due (a new member's account opens here). */
    public Balance balanceOf(UUID userId) {
        lock(userId, Opening.OPEN);
        return balance(userId);
    }

    /** Someone else's view of a member's balance (an admin's): never opens an account (404 without one). */
    public Balance existingBalanceOf(UUID userId) {
        lock(userId, Opening.NEVER);
        return balance(userId);
    }

    /**
     * Records usage another service reported on {@code ai.usage}. A call captured through a reservation was
     * already recorded and charged then (its event names the reservation): skipped. A reservation not captured
     * yet is captured from the capture the event carries ({@link #captureReported}). Anything else is recorded
     * for the member's history without charging their balance (free providers such as espeak-ng report here).
     */
    public void recordReported(UUID eventId, AiUsageRecorded usage) {
        Object reservation = usage.metadata() == null ? null : usage.metadata().get("reservation_id");
        UUID reservationId = reservation == null ? null : uuid(reservation);
        TokenReservation held = reservationId == null ? null : em.find(TokenReservation.class, reservationId);
        if (held != null && TokenReservation.CAPTURED.equals(held.status)) {
            return;
        }
        if (held != null && usage.metadata().get("capture") instanceof Map<?, ?> capture) {
            // The caller's HTTP capture has not arrived (and may never): the event carries it.
            Map<String, Object> about = new HashMap<>(usage.metadata());
            about.remove("capture");
            about.remove("reservation_id");
            UsageReport report = json.convertValue(capture, UsageReport.class);
            captureReported(held.id, new UsageReport(report.modelUsed(), report.inputTokens(), report.outputTokens(),
                    report.characters(), report.images(), report.success(), report.errorMessage(), about));
            return;
        }
        if (!TokenUsage.ACTION_TYPES.contains(usage.actionType())) {
            throw new IllegalArgumentException("unknown action_type " + usage.actionType());
        }
        TokenUsage row = new TokenUsage();
        row.id = eventId;
        row.userId = usage.userId();
        row.actionType = usage.actionType();
        row.modelUsed = usage.modelUsed();
        row.tokensUsed = usage.tokensUsed();
        row.inputTokens = usage.inputTokens();
        row.outputTokens = usage.outputTokens();
        row.costEstimate = usage.costEstimate();
        row.success = usage.success();
        row.errorMessage = usage.errorMessage();
        Map<String, Object> metadata = new HashMap<>(usage.metadata() == null ? Map.of() : usage.metadata());
        metadata.put("charged", false);
        row.metadata = write(metadata);
        row.createdAt = usage.occurredAt() == null ? DatabaseClock.now() : usage.occurredAt();
        em.persist(row);
    }

    /**
     * A call that costs nothing (VIVA's offline coach, or a reply whose hold lapsed before it could be charged):
     * recorded in the member's usage with 0 tokens; the balance does not change.
     */
    public TokenUsage recordFree(UUID userId, String actionType, String model, int inputTokens, int outputTokens,
            Map<String, Object> metadata) {
        lock(userId, Opening.OPEN);
        TokenUsage usage = new TokenUsage();
        usage.id = UUID.randomUUID();
        usage.userId = userId;
        usage.actionType = actionType;
        usage.modelUsed = model;
        usage.tokensUsed = 0;
        usage.inputTokens = inputTokens;
        usage.outputTokens = outputTokens;
        usage.costEstimate = BigDecimal.ZERO.setScale(4);
        usage.success = true;
        Map<String, Object> recorded = new HashMap<>(metadata == null ? Map.of() : metadata);
        recorded.put("charged", false);
        usage.metadata = write(recorded);
        usage.createdAt = DatabaseClock.now();
        em.persist(usage);
        em.flush();
        return usage;
    }

    /** Members whose open reservations have lapsed. */
    @SuppressWarnings("unchecked")
    public List<UUID> membersWithLapsedReservations(Instant now) {
        return em.createNativeQuery("select distinct user_id from token_reservations where status = 'open' and expires_at <= ?1")
                .setParameter(1, now).getResultList();
    }

    /** Settles one member (expiring their lapsed reservations) and announces the balance if anything changed. */
    public void settleMember(UUID userId) {
        lock(userId);
        events.changed(balance(userId), "settled");
    }

    public void purge(UUID userId) {
        em.createNativeQuery("delete from token_usage where user_id = ?1").setParameter(1, userId).executeUpdate();
        em.createNativeQuery("delete from token_accounts where user_id = ?1").setParameter(1, userId).executeUpdate();
    }

    // ---- internals ------------------------------------------------------------------------------------

    private void settle(TokenAccount account, Instant now) {
        for (int cycle : LedgerRules.dueCycles(account.createdAt, account.dripCycle, now)) {
            Instant start = LedgerRules.cycleStart(account.createdAt, cycle);
            if (account.monthlyDrip > 0) {
                addGrant(account.userId, TokenGrant.DRIP, account.monthlyDrip, LedgerRules.dripExpiry(account.createdAt, cycle),
                        cycle, start, g -> {
                        });
            }
            account.dripCycle = cycle;
            account.lastDripAt = start;
            account.updatedAt = now;
        }
        em.flush();
        em.createNativeQuery("""
                update token_grants set expired = expired + remaining, remaining = 0
                where user_id = ?1 and remaining > 0 and expires_at <= ?2""")
                .setParameter(1, account.userId).setParameter(2, now).executeUpdate();
        em.createNativeQuery("""
                update token_reservations set status = 'expired', settled_at = ?2
                where user_id = ?1 and status = 'open' and expires_at <= ?2""")
                .setParameter(1, account.userId).setParameter(2, now).executeUpdate();
    }

    private int available(UUID userId) {
        Number remaining = (Number) em.createNativeQuery(
                "select coalesce(sum(remaining), 0) from token_grants where user_id = ?1").setParameter(1, userId)
                .getSingleResult();
        return remaining.intValue() - reserved(userId);
    }

    private int reserved(UUID userId) {
        return ((Number) em.createNativeQuery(
                "select coalesce(sum(estimated_tokens), 0) from token_reservations where user_id = ?1 and status = 'open'")
                .setParameter(1, userId).getSingleResult()).intValue();
    }

    /** Takes {@code tokens} from the member's lots (soonest expiry first, then oldest). */
    private void take(UUID userId, int tokens) {
        if (tokens == 0) {
            return;
        }
        List<TokenGrant> lots = em.createQuery("from TokenGrant where userId = ?1 and remaining > 0", TokenGrant.class)
                .setParameter(1, userId).getResultList();
        Map<UUID, Integer> taken = LedgerRules.consume(lots.stream().map(TokenGrant::lot).toList(), tokens);
        for (TokenGrant lot : lots) {
            Integer take = taken.get(lot.id);
            if (take != null) {
                lot.remaining -= take;
                lot.consumed += take;
            }
        }
        em.flush();
    }

    private void topUpIfDue(TokenAccount account, Instant now) {
        if (LedgerRules.topUpDue(account.autoTopupEnabled, account.autoTopupPackId, available(account.userId),
                account.monthlyDrip, account.lastTopupAt, account.lastDripAt)) {
            PriceTable.Pack pack = prices.packs().get(account.autoTopupPackId);
            if (pack == null) {
                return;
            }
            addGrant(account.userId, TokenGrant.TOPUP, pack.tokens(), null, null, now, g -> {
                g.packId = account.autoTopupPackId;
                g.chargedCents = BigDecimal.valueOf(pack.priceCents()).setScale(2, java.math.RoundingMode.HALF_UP);
                g.reason = "auto top-up: below 20 % of the monthly drip (recorded as a purchase; no card is charged)";
            });
            account.lastTopupAt = now;
            account.updatedAt = now;
            em.flush();
        }
    }

    private TokenGrant addGrant(UUID userId, String kind, int amount, Instant expiresAt, Integer cycle, Instant at,
            java.util.function.Consumer<TokenGrant> details) {
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

    Balance balance(UUID userId) {
        TokenAccount account = em.find(TokenAccount.class, userId);
        Object[] sums = (Object[]) em.createNativeQuery("""
                select coalesce(sum(remaining), 0), coalesce(sum(expired), 0), coalesce(sum(greatest(amount, 0)), 0)
                from token_grants where user_id = ?1""").setParameter(1, userId).getSingleResult();
        int remaining = ((Number) sums[0]).intValue();
        int reserved = reserved(userId);
        int used = ((Number) em.createNativeQuery(
                "select coalesce(sum(charged_tokens), 0) from token_reservations where user_id = ?1 and status = 'captured'")
                .setParameter(1, userId).getSingleResult()).intValue();
        BigDecimal cost = (BigDecimal) em.createNativeQuery(
                "select coalesce(sum(cost_estimate), 0) from token_usage where user_id = ?1").setParameter(1, userId)
                .getSingleResult();
        @SuppressWarnings("unchecked")
        List<Integer> dripCycles = em.createNativeQuery(
                "select cycle from token_grants where user_id = ?1 and kind = 'drip' and remaining > 0")
                .setParameter(1, userId).getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> expiring = em.createNativeQuery("""
                select sum(remaining), expires_at from token_grants where user_id = ?1 and remaining > 0
                and expires_at is not null group by expires_at order by expires_at""").setParameter(1, userId).getResultList();
        return new Balance(userId, remaining - reserved, reserved, used, cost.setScale(4, java.math.RoundingMode.HALF_UP),
                ((Number) sums[2]).intValue(), ((Number) sums[1]).intValue(), account.monthlyDrip, account.lastDripAt,
                LedgerRules.cycleStart(account.createdAt, account.dripCycle + 1),
                LedgerRules.rolloverCycles(account.dripCycle, dripCycles), account.autoTopupEnabled, account.autoTopupPackId,
                expiring.stream().map(row -> new Balance.Expiring(((Number) row[0]).intValue(),
                        DatabaseClock.instantOf(row[1]))).toList());
    }

    private static UUID uuid(Object value) {
        try {
            return UUID.fromString(value.toString());
        } catch (IllegalArgumentException e) {
            return null; // not one of ours: recorded as reported usage
        }
    }

    /** A reservation as seen by one client: only the one that reserved may capture or release it. */
    private TokenReservation reservationOf(UUID id, String caller) {
        TokenReservation reservation = reservationOf(id);
        if (!reservation.caller.equals(caller)) {
            throw new NotFound("reservation", id);
        }
        return reservation;
    }

    private TokenReservation reservationOf(UUID id) {
        TokenReservation reservation = em.find(TokenReservation.class, id);
        if (reservation == null) {
            throw new NotFound("reservation", id);
        }
        return reservation;
    }

    private PriceTable.Price priceOf(UsageReport report) {
        if (report.modelUsed() == null || report.modelUsed().isBlank()) {
            throw InvalidRequest.of("model_used", "is required");
        }
        return prices.price(report.modelUsed()).orElseThrow(() -> InvalidRequest.of("model_used",
                "is not in the price table; known models: " + prices.prices().keySet().stream().sorted().toList()));
    }

    private static int orZero(Integer value) {
        if (value != null && value < 0) {
            throw InvalidRequest.of("usage", "counts must not be negative");
        }
        return value == null ? 0 : value;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
