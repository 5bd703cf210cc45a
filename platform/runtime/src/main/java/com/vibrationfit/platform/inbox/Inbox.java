package com.vibrationfit.platform.inbox;

import static java.time.temporal.ChronoUnit.MILLIS;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vibrationfit.events.EventType;
import com.vibrationfit.platform.db.TransientFailures;
import com.vibrationfit.platform.security.SystemContext;
import com.vibrationfit.platform.security.UserIds;
import com.vibrationfit.platform.tracing.TraceContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Applies each consumed event at most once: the event id is recorded in {@code processed_events} in
 * the same transaction as the effect, so a redelivery finds it and changes nothing. Effects run under
 * the system RLS context.
 *
 * <p>Failures are told apart. A transient one (PostgreSQL restarting, S3 unavailable, a lock or
 * serialization conflict, see {@link TransientFailures}) is retried with backoff while it lasts, up to
 * {@code vf.inbox.transient-retry-limit} (two SmallRye Fault Tolerance guards, one per kind of failure);
 * the record is not acknowledged meanwhile, so its offset is not committed and nothing after it on the
 * partition overtakes it. A poison event (malformed, can never be applied) goes to the dead-letter topic
 * at once; any other failure after a few attempts. Events about a member whose account was deleted are
 * recorded and skipped ({@link DeletedMembers}).
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);
    private static final int ATTEMPTS_FOR_UNKNOWN_FAILURES = 3;
    private static final String RECORD = """
            insert into processed_events (consumer, event_id, event_type) values (?1, ?2, ?3)
            on conflict do nothing""";

    @Inject
    EntityManager entityManager;

    @Inject
    DeletedMembers deletedMembers;

    @ConfigProperty(name = "vf.inbox.initial-backoff", defaultValue = "PT0.2S")
    Duration initialBackoff;

    @ConfigProperty(name = "vf.inbox.max-backoff", defaultValue = "PT30S")
    Duration maxBackoff;

    /**
     * How long one event is retried through transient failures before it goes to the dead-letter topic (kept
     * there for a replay): long enough for a database failover or a broker restart, short enough that one event
     * cannot hold its partition for good. Every retry counts in {@code inbox.retries}; alert on its rate.
     */
    @ConfigProperty(name = "vf.inbox.transient-retry-limit", defaultValue = "PT30M")
    Duration transientRetryLimit;

    @Inject
    MeterRegistry metrics;

    @Inject
    Tracer tracer;

    /**
     * Transient failures are retried while they last (up to the limit): dead-lettering would delay the effect
     * until a replay. The record is not acknowledged meanwhile. Backoff doubles from the initial to the maximum.
     */
    private Guard whileTransient;

    /** Any other failure (a bug, a constraint the event breaks) gets a few quick attempts, then the dead letters. */
    private Guard fewTimes;

    @PostConstruct
    void buildRetries() {
        long first = initialBackoff.toMillis();
        long limit = Math.max(transientRetryLimit.toMillis(), first + 1);
        whileTransient = Guard.create()
                .withRetry()
                .maxRetries(-1)
                .maxDuration(limit, MILLIS)
                .delay(first, MILLIS)
                .jitter(first / 4, MILLIS)
                .whenException(e -> !(e instanceof PoisonEvent) && TransientFailures.isTransient(e))
                .withExponentialBackoff()
                .factor(2)
                .maxDelay(Math.min(maxBackoff.toMillis(), limit / 2), MILLIS)
                .done()
                .done()
                .build();
        fewTimes = Guard.create()
                .withRetry()
                .maxRetries(ATTEMPTS_FOR_UNKNOWN_FAILURES - 1)
                .maxDuration(1, ChronoUnit.HOURS)
                .delay(first, MILLIS)
                .jitter(first / 4, MILLIS)
                .whenException(e -> !(e instanceof PoisonEvent) && !TransientFailures.isTransient(e))
                .withExponentialBackoff()
                .factor(2)
                .maxDelay(maxBackoff.toMillis(), MILLIS)
                .done()
                .done()
                .build();
    }

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
        return deadLetteredIfFailed(handlers.consumer(), () -> {
            CloudEvent event = CloudEvent.from(record);
            EventHandlers.Handler<?> handler = handlers.handlerOf(event.type());
            if (handler == null) {
                return false;
            }
            // The effect joins the trace of the change that caused the event (its traceparent header, from the
            // producer's outbox), so one trace runs from a member's request to every consumer's effect.
            Span span = tracer.spanBuilder(handlers.consumer() + " " + event.type())
                    .setParent(TraceContext.ofRecord(record.headers()))
                    .setSpanKind(SpanKind.CONSUMER)
                    .setAttribute("messaging.system", "kafka")
                    .setAttribute("messaging.destination.name", record.topic())
                    .setAttribute("messaging.message.id", String.valueOf(event.id()))
                    .startSpan();
            try (Scope scope = span.makeCurrent()) {
                return apply(handlers.consumer(), event, handler);
            } catch (RuntimeException e) {
                span.recordException(e);
                span.setStatus(StatusCode.ERROR);
                throw e;
            } finally {
                span.end();
            }
        });
    }

    /**
     * Runs a consumer's handling of one record; a failure that escapes it sends the record to the consumer's
     * dead-letter topic (the channels' failure strategy), so it is counted there: {@code inbox.dead.letters}, per
     * consumer, the signal of the "dead-letter topic receiving" alert.
     */
    public <R> R deadLetteredIfFailed(String consumer, Supplier<R> handling) {
        try {
            return handling.get();
        } catch (RuntimeException e) {
            metrics.counter("inbox.dead.letters", "consumer", consumer).increment();
            throw e;
        }
    }

    private <T> boolean apply(String consumer, CloudEvent event, EventHandlers.Handler<T> handler) {
        return applyOnce(
                consumer,
                event,
                data(event, handler.payload()),
                data -> handler.effect().accept(data, event));
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
            throw new PoisonEvent(
                    "CloudEvent " + event.id() + " (" + event.type() + ") has unreadable data: " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code effect} with {@code payload} unless {@code consumer} already applied this event, or the
     * event is about a deleted member. Returns whether the effect ran.
     */
    public <T> boolean applyOnce(String consumer, CloudEvent event, T payload, Consumer<T> effect) {
        return applyOnce(consumer, event, payload, null, (data, nothing) -> effect.accept(data));
    }

    /**
     * {@link #applyOnce(String, CloudEvent, Object, Consumer)} for an effect with long work (streaming an object to
     * S3): {@code outside} does it before the transaction, in every attempt (so it must be repeatable), and its
     * result is handed to {@code effect}, which records it inside the short transaction. Not run for an event
     * already applied.
     */
    public <T, P> boolean applyOnce(
            String consumer, CloudEvent event, T payload, Function<T, P> outside, BiConsumer<T, P> effect) {
        Optional<UUID> member = UserIds.parse(event.subject());
        boolean purge = EventType.USER_DELETED.equals(event.type());
        long started = System.nanoTime();
        int[] attempts = {0};
        Supplier<Boolean> attempt = () -> {
            attempts[0]++;
            try {
                return attemptOnce(consumer, event, payload, outside, effect, member, purge);
            } catch (RuntimeException e) {
                if (!(e instanceof PoisonEvent)) {
                    String failure = TransientFailures.isTransient(e) ? "transient" : "other";
                    metrics.counter("inbox.retries", "consumer", consumer, "failure", failure)
                            .increment();
                    LOG.warnf(
                            "%s could not apply event %s (attempt %d, %s failure): %s",
                            consumer, event.id(), attempts[0], failure, e.getMessage());
                }
                throw e;
            }
        };
        try {
            return whileTransient.get(() -> fewTimes.get(attempt, Boolean.class), Boolean.class);
        } catch (PoisonEvent e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.errorf(
                    e,
                    "%s gives up on event %s (%s) after %d attempts in %s (%s failure); sending it to the "
                            + "dead-letter topic (replay it once the cause is gone)",
                    consumer,
                    event.id(),
                    event.type(),
                    attempts[0],
                    Duration.ofNanos(System.nanoTime() - started),
                    TransientFailures.isTransient(e) ? "transient" : "permanent");
            throw e;
        }
    }

    private <T, P> boolean attemptOnce(
            String consumer,
            CloudEvent event,
            T payload,
            Function<T, P> outside,
            BiConsumer<T, P> effect,
            Optional<UUID> member,
            boolean purge) {
        if (outside != null && applied(consumer, event)) {
            LOG.debugf("%s already applied event %s; skipping", consumer, event.id());
            return false;
        }
        P prepared = outside == null ? null : SystemContext.call(consumer, () -> outside.apply(payload));
        return SystemContext.inNewTransaction(consumer, () -> {
            int recorded = entityManager
                    .createNativeQuery(RECORD)
                    .setParameter(1, consumer)
                    .setParameter(2, event.id())
                    .setParameter(3, event.type())
                    .executeUpdate();
            if (recorded == 0) {
                LOG.debugf("%s already applied event %s; skipping", consumer, event.id());
                return false;
            }
            if (!purge && member.isPresent() && deletedMembers.isDeleted(member.get())) {
                LOG.debugf("%s skips event %s: member %s was deleted", consumer, event.id(), member.get());
                return false;
            }
            effect.accept(payload, prepared);
            // Constraint and RLS violations surface here, inside the attempt, not as a rollback at commit.
            entityManager.flush();
            return true;
        });
    }

    private boolean applied(String consumer, CloudEvent event) {
        return SystemContext.inNewTransaction(
                consumer,
                () -> !entityManager
                        .createNativeQuery("select 1 from processed_events where consumer = ?1 and event_id = ?2")
                        .setParameter(1, consumer)
                        .setParameter(2, event.id())
                        .getResultList()
                        .isEmpty());
    }
}
