package com.vibrationfit.aiusage.ledger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.vibrationfit.aiusage.ledger.TokenAccounts.Opening;
import com.vibrationfit.events.AiUsageRecorded;
import com.vibrationfit.platform.time.DatabaseClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Usage that is recorded without a reservation of this service's own: reported by others, or free. */
@ApplicationScoped
@Transactional
public class UsageService {

    @Inject
    EntityManager em;

    @Inject
    TokenAccounts accounts;

    @Inject
    ReservationService reservations;

    @Inject
    ObjectMapper json;

    /**
     * Records usage another service reported on {@code ai.usage}. A call captured through a reservation was
     * already recorded and charged then (its event names the reservation): skipped. A reservation not captured
     * yet is captured from the capture the event carries ({@link ReservationService#captureReported}). Anything
     * else is recorded for the member's history without charging their balance (free providers such as espeak-ng
     * report here).
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
            reservations.captureReported(
                    held.id,
                    new UsageReport(
                            report.modelUsed(),
                            report.inputTokens(),
                            report.outputTokens(),
                            report.characters(),
                            report.images(),
                            report.audioSeconds(),
                            report.success(),
                            report.errorMessage(),
                            about));
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
        row.metadata = accounts.metadata(metadata);
        row.createdAt = usage.occurredAt() == null ? DatabaseClock.now() : usage.occurredAt();
        em.persist(row);
    }

    /**
     * A call that costs nothing (VIVA's offline coach, or a reply whose hold lapsed before it could be charged):
     * recorded in the member's usage with 0 tokens; the balance does not change.
     */
    public TokenUsage recordFree(
            UUID userId,
            String actionType,
            String model,
            int inputTokens,
            int outputTokens,
            Map<String, Object> metadata) {
        accounts.lock(userId, Opening.OPEN);
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
        usage.metadata = accounts.metadata(recorded);
        usage.createdAt = DatabaseClock.now();
        em.persist(usage);
        em.flush();
        return usage;
    }

    private static UUID uuid(Object value) {
        try {
            return UUID.fromString(value.toString());
        } catch (IllegalArgumentException e) {
            return null; // not one of ours: recorded as reported usage
        }
    }
}
