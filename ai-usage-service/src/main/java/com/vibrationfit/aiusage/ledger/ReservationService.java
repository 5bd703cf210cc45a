package com.vibrationfit.aiusage.ledger;

import com.vibrationfit.aiusage.events.BalanceEvents;
import com.vibrationfit.aiusage.ledger.TokenAccounts.Opening;
import com.vibrationfit.aiusage.pricing.Cost;
import com.vibrationfit.aiusage.pricing.PriceTable;
import com.vibrationfit.platform.errors.Conflict;
import com.vibrationfit.platform.errors.InvalidRequest;
import com.vibrationfit.platform.errors.NotFound;
import com.vibrationfit.platform.errors.PaymentRequired;
import com.vibrationfit.platform.time.DatabaseClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Spending tokens: a call's estimate is held (reserved), then its actual cost is charged (captured) or the hold
 * freed (released); a hold nobody settles lapses. Runs as system (the spend API, VIVA, jobs and consumers).
 */
@ApplicationScoped
@Transactional
public class ReservationService {

    @Inject
    EntityManager em;

    @Inject
    TokenAccounts accounts;

    @Inject
    PriceTable prices;

    @Inject
    BalanceEvents events;

    /** Holds {@code tokens} for a call; 402 when the member has fewer available. */
    public TokenReservation reserve(
            UUID userId, String actionType, int tokens, String caller, Duration hold, Opening opening) {
        if (!TokenUsage.ACTION_TYPES.contains(actionType)) {
            throw InvalidRequest.of(
                    "action_type",
                    "must be one of "
                            + TokenUsage.ACTION_TYPES.stream().sorted().toList());
        }
        if (tokens <= 0) {
            throw InvalidRequest.of("estimated_tokens", "must be at least 1");
        }
        accounts.lock(userId, opening);
        int available = accounts.available(userId);
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
        events.changed(accounts.balance(userId), "reserved");
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
        accounts.lock(reservation.userId);
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
        Cost cost = Cost.of(
                price,
                orZero(report.inputTokens()),
                orZero(report.outputTokens()),
                orZero(report.characters()),
                orZero(report.images()),
                seconds(report.audioSeconds()));
        Instant now = DatabaseClock.now();
        int charged = 0;
        Map<String, Object> metadata = new HashMap<>(report.metadata() == null ? Map.of() : report.metadata());
        metadata.put("reservation_id", reservationId.toString());
        if (!held) {
            metadata.put("captured_late", "the reservation was " + reservation.status + " when its capture arrived");
        }
        if (success) {
            // What else is available, besides this reservation's own hold (released by this capture) if it holds.
            int ceiling = (held ? reservation.estimatedTokens : 0) + accounts.available(reservation.userId);
            charged = Math.min(cost.tokens(), ceiling);
            if (charged < cost.tokens()) {
                metadata.put("capped_from_tokens", cost.tokens());
            }
            accounts.take(reservation.userId, charged);
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
        usage.metadata = accounts.metadata(metadata);
        usage.createdAt = now;
        em.persist(usage);
        reservation.status = TokenReservation.CAPTURED;
        reservation.chargedTokens = charged;
        reservation.usageId = usage.id;
        reservation.settledAt = now;
        em.flush();
        accounts.topUpIfDue(reservation.userId, now);
        events.changed(accounts.balance(reservation.userId), "captured");
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
        accounts.lock(reservation.userId);
        em.refresh(reservation, LockModeType.PESSIMISTIC_WRITE);
        if (TokenReservation.CAPTURED.equals(reservation.status)) {
            throw new Conflict("reservation " + reservationId + " was captured; it cannot be released");
        }
        if (TokenReservation.OPEN.equals(reservation.status)) {
            reservation.status = TokenReservation.RELEASED;
            reservation.settledAt = DatabaseClock.now();
            em.flush();
            events.changed(accounts.balance(reservation.userId), "released");
        }
        return reservation;
    }

    /** Members whose open reservations have lapsed. */
    @SuppressWarnings("unchecked")
    public List<UUID> membersWithLapsedReservations(Instant now) {
        return em.createNativeQuery(
                        "select distinct user_id from token_reservations where status = 'open' and expires_at <= ?1")
                .setParameter(1, now)
                .getResultList();
    }

    /** Settles one member (expiring their lapsed reservations) and announces the balance. */
    public void settleMember(UUID userId) {
        accounts.lock(userId);
        events.changed(accounts.balance(userId), "settled");
    }

    /** A reservation as seen by one client: only the one that reserved may capture or release it. */
    private TokenReservation reservationOf(UUID id, String caller) {
        TokenReservation reservation = reservationOf(id);
        if (!reservation.caller.equals(caller)) {
            throw new NotFound("reservation", id);
        }
        return reservation;
    }

    TokenReservation reservationOf(UUID id) {
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
        return prices.price(report.modelUsed())
                .orElseThrow(() -> InvalidRequest.of(
                        "model_used",
                        "is not in the price table; known models: "
                                + prices.prices().keySet().stream().sorted().toList()));
    }

    /** A day of audio: far beyond any one recording (providers take 25 MB), and its cost fits the cents column. */
    static final double MAX_AUDIO_SECONDS = 86_400;

    private static double seconds(Double value) {
        if (value != null && (value < 0 || !Double.isFinite(value) || value > MAX_AUDIO_SECONDS)) {
            throw InvalidRequest.of(
                    "audio_seconds", "must be a number of seconds from 0 to " + (int) MAX_AUDIO_SECONDS);
        }
        return value == null ? 0 : value;
    }

    private static int orZero(Integer value) {
        if (value != null && value < 0) {
            throw InvalidRequest.of("usage", "counts must not be negative");
        }
        return value == null ? 0 : value;
    }
}
