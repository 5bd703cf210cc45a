package com.vibrationfit.platform.outbox;

import com.vibrationfit.platform.time.DatabaseClock;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Records an event in the caller's transaction: the event exists if and only if the change it
 * announces committed. {@link OutboxRelay} publishes it afterwards.
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT = """
            insert into outbox_events (id, topic, event_key, type, source, subject, occurred_at, payload)
            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, cast(?8 as jsonb))""";

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

    /**
     * Adds {@code payload} as a CloudEvent of {@code type} for {@code userId} (the Kafka key and the
     * CloudEvents subject) to {@code topic}. Must run inside the transaction that makes the change.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(String topic, String type, UUID userId, Object payload) {
        UUID id = UUID.randomUUID();
        entityManager.createNativeQuery(INSERT)
                .setParameter(1, id)
                .setParameter(2, topic)
                .setParameter(3, userId.toString())
                .setParameter(4, type)
                .setParameter(5, source)
                .setParameter(6, userId.toString())
                .setParameter(7, DatabaseClock.now())
                .setParameter(8, json(payload))
                .executeUpdate();
        transactions.registerInterposedSynchronization(new WakeRelayOnCommit(relay));
        return id;
    }

    private String json(Object payload) {
        try {
            return mapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event payload is not serialisable: " + payload.getClass(), e);
        }
    }

    /** Lets the relay publish right after commit instead of at its next poll. */
    private record WakeRelayOnCommit(OutboxRelay relay) implements Synchronization {
        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                relay.wakeUp();
            }
        }
    }
}
