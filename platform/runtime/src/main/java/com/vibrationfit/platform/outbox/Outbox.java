package com.vibrationfit.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vibrationfit.platform.db.AfterCommit;
import com.vibrationfit.platform.time.DatabaseClock;
import com.vibrationfit.platform.tracing.TraceContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Records an event in the caller's transaction: the event exists if and only if the change it
 * announces committed. {@link OutboxRelay} publishes it afterwards.
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT = """
            insert into outbox_events (id, topic, event_key, type, source, subject, occurred_at, payload, trace_parent)
            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, cast(?8 as jsonb), ?9)""";

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper mapper;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    OutboxRelay relay;

    @ConfigProperty(name = "quarkus.application.name")
    String source;

    @Inject
    OutboxConfig config;

    /**
     * Adds {@code payload} as a CloudEvent of {@code type} for {@code userId} (the Kafka key and the
     * CloudEvents subject) to {@code topic}. Must run inside the transaction that makes the change.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(String topic, String type, UUID userId, Object payload) {
        String json = json(payload);
        refuseIfTooLarge(payload, json);
        UUID id = UUID.randomUUID();
        entityManager
                .createNativeQuery(INSERT)
                .setParameter(1, id)
                .setParameter(2, topic)
                .setParameter(3, userId.toString())
                .setParameter(4, type)
                .setParameter(5, source)
                .setParameter(6, userId.toString())
                .setParameter(7, DatabaseClock.now())
                .setParameter(8, json)
                .setParameter(9, TraceContext.currentTraceParent())
                .executeUpdate();
        AfterCommit.run(transactions, relay::wakeUp); // the relay publishes now, not at its next poll
        return id;
    }

    /**
     * The outbox must never hold an event Kafka cannot take: such a change is refused here, in the
     * transaction that would have made it, naming the payload field that makes it large.
     */
    private void refuseIfTooLarge(Object payload, String json) {
        int limit = config.maxEventBytes();
        if ((long) json.length() * 3 <= limit) {
            return; // cannot be over the limit even if every character took three UTF-8 bytes
        }
        int bytes = json.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > limit) {
            throw new EventTooLarge(largestField(payload), bytes, limit);
        }
    }

    private String largestField(Object payload) {
        JsonNode tree = mapper.valueToTree(payload);
        String largest = "body";
        int largestSize = -1;
        for (Iterator<Map.Entry<String, JsonNode>> fields = tree.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            int size = field.getValue().toString().length();
            if (size > largestSize) {
                largest = field.getKey();
                largestSize = size;
            }
        }
        return largest;
    }

    private String json(Object payload) {
        try {
            return mapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event payload is not serialisable: " + payload.getClass(), e);
        }
    }
}
