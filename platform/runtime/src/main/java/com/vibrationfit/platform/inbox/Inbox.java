package com.vibrationfit.platform.inbox;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vibrationfit.platform.security.SystemContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Applies each consumed event at most once: the event id is recorded in {@code processed_events} in
 * the same transaction as the effect, so a redelivery finds it and changes nothing. Effects run under
 * the system RLS context. A failing effect is retried a few times (a database blip), then the
 * exception propagates so the messaging layer nacks the record into the consumer's dead-letter topic.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);
    private static final int ATTEMPTS = 3;
    private static final String RECORD = """
            insert into processed_events (consumer, event_id, event_type) values (?1, ?2, ?3)
            on conflict do nothing""";

    @Inject
    EntityManager entityManager;

    private final ObjectMapper mapper;

    /** Events may gain fields over time (never change meaning): consumers tolerate fields they do not know. */
    @Inject
    Inbox(ObjectMapper apiMapper) {
        this.mapper = apiMapper.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    /**
     * Reads the record as a CloudEvent and applies the handler of its type at most once; a record
     * that is not a CloudEvent, or whose data does not fit the type, is poison (dead-letter topic).
     * Returns whether an effect ran.
     */
    public boolean handle(ConsumerRecord<String, String> record, EventHandlers handlers) {
        CloudEvent event = CloudEvent.from(record);
        EventHandlers.Handler<?> handler = handlers.handlerOf(event.type());
        return handler != null && apply(handlers.consumer(), event, handler);
    }

    private <T> boolean apply(String consumer, CloudEvent event, EventHandlers.Handler<T> handler) {
        return applyOnce(consumer, event, data(event, handler.payload()), handler.effect());
    }

    /** The event's JSON data as {@code type}; unreadable data is poison. */
    public <T> T data(CloudEvent event, Class<T> type) {
        try {
            T value = mapper.readValue(event.data(), type);
            if (value == null) {
                throw new PoisonEvent("CloudEvent " + event.id() + " has no data");
            }
            return value;
        } catch (IOException | IllegalArgumentException e) {
            throw new PoisonEvent("CloudEvent " + event.id() + " (" + event.type() + ") has unreadable data: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code effect} with {@code payload} unless {@code consumer} already applied this event.
     * Returns whether the effect ran.
     */
    public <T> boolean applyOnce(String consumer, CloudEvent event, T payload, Consumer<T> effect) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                return SystemContext.call(consumer, () -> QuarkusTransaction.requiringNew().call(() -> {
                    int recorded = entityManager.createNativeQuery(RECORD)
                            .setParameter(1, consumer)
                            .setParameter(2, event.id())
                            .setParameter(3, event.type())
                            .executeUpdate();
                    if (recorded == 0) {
                        LOG.debugf("%s already applied event %s; skipping", consumer, event.id());
                        return false;
                    }
                    effect.accept(payload);
                    return true;
                }));
            } catch (PoisonEvent e) {
                throw e;
            } catch (RuntimeException e) {
                last = e;
                LOG.warnf("%s failed to apply event %s (attempt %d of %d): %s", consumer, event.id(), attempt,
                        ATTEMPTS, e.getMessage());
                pause(attempt);
            }
        }
        throw last;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(200L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
