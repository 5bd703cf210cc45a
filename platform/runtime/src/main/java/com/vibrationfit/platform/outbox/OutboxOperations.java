package com.vibrationfit.platform.outbox;

import com.vibrationfit.platform.security.SystemContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** What an operator can see and do about parked outbox events (see {@link OutboxRelay}). */
@ApplicationScoped
public class OutboxOperations {

    /** A parked event, without its payload (it may hold a member's text). */
    public record ParkedEvent(
            UUID id,
            long seq,
            String topic,
            String type,
            String eventKey,
            int payloadBytes,
            String parkReason,
            OffsetDateTime occurredAt,
            OffsetDateTime parkedAt,
            long heldBehind) {}

    @Inject
    EntityManager em;

    @Inject
    OutboxRelay relay;

    public List<ParkedEvent> parked() {
        return SystemContext.inNewTransaction("operator: list parked events", () -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                    select p.id, p.seq, p.topic, p.type, p.event_key, octet_length(p.payload::text), p.park_reason,
                           p.occurred_at, p.parked_at,
                           (select count(*) from outbox_events h where h.event_key = p.event_key and h.sent_at is null
                                and h.parked_at is null and h.seq > p.seq)
                    from outbox_events p where p.parked_at is not null and p.sent_at is null order by p.seq""").getResultList();
            return rows.stream()
                    .map(r -> new ParkedEvent(
                            (UUID) r[0],
                            ((Number) r[1]).longValue(),
                            (String) r[2],
                            (String) r[3],
                            (String) r[4],
                            ((Number) r[5]).intValue(),
                            (String) r[6],
                            offset(r[7]),
                            offset(r[8]),
                            ((Number) r[9]).longValue()))
                    .toList();
        });
    }

    /**
     * Puts parked events back in line (all, or the one with {@code id}): the relay publishes them again in
     * outbox order, and parks them again if Kafka still refuses. Returns how many were released.
     */
    public int replay(UUID id) {
        int released = SystemContext.inNewTransaction(
                "operator: replay parked events",
                () -> em.createNativeQuery("""
                        update outbox_events set parked_at = null, park_reason = null
                        where parked_at is not null and sent_at is null and (cast(?1 as uuid) is null or id = cast(?1 as uuid))""")
                        .setParameter(1, id == null ? null : id.toString())
                        .executeUpdate());
        relay.wakeUp();
        return released;
    }

    private static OffsetDateTime offset(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt;
        }
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof Timestamp ts) {
            return ts.toInstant().atOffset(ZoneOffset.UTC);
        }
        return null;
    }
}
