package com.vibrationfit.platform.outbox;

import com.vibrationfit.platform.messaging.KafkaClientSettings;
import com.vibrationfit.platform.security.SystemContext;
import com.vibrationfit.platform.tracing.TraceContext;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox events to Kafka as CloudEvents (binary mode, key = user id), in outbox
 * order, and marks each sent only after the broker acknowledged it. While Kafka is unreachable the
 * events stay in the table and the relay retries with exponential backoff; nothing is lost.
 *
 * <p>An event Kafka can never accept (over the size limit, an invalid topic) is <em>parked</em>: set
 * aside with its reason, counted in {@code outbox.parked}, shown in readiness, and replayable by an
 * operator ({@link OutboxOperations}). It no longer blocks anyone else's events; that member's later
 * events wait behind it, so one member's events still arrive in order.
 *
 * <p>One relay per database works at a time (a transaction-scoped advisory lock), so several replicas
 * of a service never publish out of order. The producer connects with the same {@code kafka.*} client
 * settings as the service's consumers (TLS and SASL included).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long RELAY_LOCK = 0x7666_6f75_7462_6f78L; // "vfoutbox"
    /** Unsent, not parked, and not behind a parked event of the same member. */
    private static final String SELECT_BATCH = """
            select o.seq, o.id, o.topic, o.event_key, o.type, o.source, o.subject, o.occurred_at, o.payload::text,
                   o.trace_parent
            from outbox_events o
            where o.sent_at is null and o.parked_at is null
              and not exists (select 1 from outbox_events p
                              where p.event_key = o.event_key and p.parked_at is not null and p.sent_at is null)
            order by o.seq limit ?""";

    private static final String COUNTS = """
            select count(*) filter (where parked_at is null),
                   count(*) filter (where parked_at is not null)
            from outbox_events where sent_at is null""";
    /** Header bytes a record carries besides key and value (ce_* headers, batch overhead), generously. */
    private static final int RECORD_OVERHEAD_BYTES = 1024;

    @Inject
    OutboxConfig config;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry metrics;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaDefaults;

    @ConfigProperty(name = "vf.inbox.retention", defaultValue = "P14D")
    Duration processedRetention;

    private final Semaphore wakeUps = new Semaphore(0);
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();
    private final AtomicReference<String> lastError = new AtomicReference<>();
    private volatile Instant lastSuccess;
    private volatile boolean running;
    private Thread worker;
    private Producer<String, String> producer;
    private Counter parkedTotal;
    private Instant nextPurge = Instant.EPOCH;

    void start(@Observes StartupEvent event) {
        Gauge.builder("outbox.pending", pending, AtomicLong::get)
                .description("events recorded but not yet acknowledged by Kafka (parked ones excluded)")
                .register(metrics);
        Gauge.builder("outbox.parked", parked, AtomicLong::get)
                .description("events Kafka refused for good, set aside until an operator replays them")
                .register(metrics);
        parkedTotal = Counter.builder("outbox.parked.events")
                .description("events parked since the service started")
                .register(metrics);
        if (!config.relayEnabled()) {
            LOG.info("outbox relay disabled by configuration");
            return;
        }
        producer = new KafkaProducer<>(producerProperties(kafkaDefaults, config));
        running = true;
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        wakeUp();
        if (worker != null) {
            try {
                worker.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** Called after a commit that recorded events, so they leave within milliseconds. */
    public void wakeUp() {
        wakeUps.release();
    }

    /** Events waiting to be acknowledged (parked ones excluded), as of the relay's last round. */
    public long pending() {
        return pending.get();
    }

    /** Parked events, as of the relay's last round. */
    public long parked() {
        return parked.get();
    }

    public String lastError() {
        return lastError.get();
    }

    public Instant lastSuccess() {
        return lastSuccess;
    }

    private void loop() {
        Duration backoff = config.initialBackoff();
        Duration idle = config.pollInterval();
        while (running) {
            try {
                BatchResult result = SystemContext.call("outbox relay", this::publishBatch);
                if (result.failure() != null) {
                    throw result.failure();
                }
                lastError.set(null);
                backoff = config.initialBackoff();
                if (result.handled() < config.batchSize()) {
                    // Caught up: sleep until a commit wakes us or the wait passes; the wait grows while rounds
                    // find nothing (an idle service barely touches its database) and shrinks when work comes.
                    boolean woken = wakeUps.tryAcquire(idle.toMillis(), TimeUnit.MILLISECONDS);
                    wakeUps.drainPermits();
                    idle = woken || result.handled() > 0
                            ? config.pollInterval()
                            : min(idle.multipliedBy(2), config.maxPollInterval());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                lastError.set(e.getMessage());
                LOG.warnf("outbox relay could not publish (%s); retrying in %d ms", e.getMessage(), backoff.toMillis());
                sleep(backoff);
                backoff = min(backoff.multipliedBy(2), config.maxBackoff());
            }
        }
    }

    /** One round: publish up to a batch in order; commits what was acknowledged or parked, reports a failure. */
    private BatchResult publishBatch() {
        return QuarkusTransaction.requiringNew().timeout(60).call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                if (!tryLock(connection)) {
                    return new BatchResult(0, null);
                }
                List<OutboxRecord> batch = readBatch(connection);
                if (batch.isEmpty()) {
                    refreshCounts(connection);
                    purgeIfDue(connection);
                    return new BatchResult(0, null);
                }
                Outcome outcome = publish(batch);
                markSent(connection, outcome.acknowledged());
                for (Map.Entry<Long, String> park : outcome.parked().entrySet()) {
                    park(connection, park.getKey(), park.getValue());
                }
                if (outcome.failure() != null) {
                    recordFailure(connection, outcome.failedSeq(), outcome.failure());
                }
                refreshCounts(connection);
                if (!outcome.acknowledged().isEmpty()) {
                    lastSuccess = Instant.now();
                }
                // Commit what was acknowledged or parked; the loop backs off on a failure.
                return new BatchResult(
                        outcome.acknowledged().size() + outcome.parked().size(), outcome.failure());
            } catch (SQLException e) {
                throw new IllegalStateException("outbox table unavailable: " + e.getMessage(), e);
            }
        });
    }

    /**
     * Sends the batch and waits for the acknowledgements in outbox order. An event that can never be
     * published is parked (and the member's later events of this batch are not sent: they wait behind it);
     * the first transient failure ends the round.
     */
    private Outcome publish(List<OutboxRecord> batch) {
        Map<Long, String> parkedNow = new LinkedHashMap<>();
        Set<String> blockedKeys = new HashSet<>();
        List<OutboxRecord> sent = new ArrayList<>(batch.size());
        List<Future<?>> sends = new ArrayList<>(batch.size());
        RuntimeException refused = null;
        for (OutboxRecord record : batch) {
            if (blockedKeys.contains(record.key())) {
                continue;
            }
            String tooLarge = oversize(record);
            if (tooLarge != null) {
                parkedNow.put(record.seq(), tooLarge);
                blockedKeys.add(record.key());
                continue;
            }
            try {
                sends.add(producer.send(toProducerRecord(record)));
                sent.add(record);
            } catch (RuntimeException e) {
                if (isPermanent(e)) {
                    parkedNow.put(record.seq(), describe(e));
                    blockedKeys.add(record.key());
                    continue;
                }
                // The producer refused before sending (e.g. metadata unavailable): wait for what went out.
                LOG.debugf("send refused after %d events: %s", sends.size(), e.getMessage());
                refused = new IllegalStateException("Kafka refused event " + record.id() + " (broker unreachable?)");
                break;
            }
        }
        List<Long> acknowledged = new ArrayList<>();
        long deadline = System.nanoTime() + config.sendTimeout().toNanos();
        for (int i = 0; i < sent.size(); i++) {
            OutboxRecord record = sent.get(i);
            try {
                sends.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged.add(record.seq());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome(
                        acknowledged,
                        parkedNow,
                        record.seq(),
                        new IllegalStateException("interrupted while waiting for Kafka"));
            } catch (Exception e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                if (isPermanent(cause)) {
                    // Refused by the broker for good (e.g. its limit is below ours): set aside. Events of
                    // this member already sent after it cannot be recalled; docs/reliability.md asks for limits that
                    // make this impossible (topic max.message.bytes >= the producer's max.request.size).
                    parkedNow.put(record.seq(), describe(cause));
                    continue;
                }
                return new Outcome(
                        acknowledged,
                        parkedNow,
                        record.seq(),
                        new IllegalStateException(
                                "Kafka did not acknowledge event " + record.id() + ": " + describe(cause)));
            }
        }
        if (refused != null) {
            return new Outcome(acknowledged, parkedNow, null, refused);
        }
        return new Outcome(acknowledged, parkedNow, null, null);
    }

    /** The reason an event is over the producer's request limit, or null if it fits. */
    private String oversize(OutboxRecord record) {
        long bytes = (long) record.payload().getBytes(StandardCharsets.UTF_8).length
                + record.key().length()
                + RECORD_OVERHEAD_BYTES;
        if (bytes > config.maxRequestBytes()) {
            return "RecordTooLargeException: the event is about " + bytes
                    + " bytes; the producer's max.request.size is " + config.maxRequestBytes();
        }
        return null;
    }

    /** Failures that will happen again on every attempt, whatever the broker's state. */
    static boolean isPermanent(Throwable failure) {
        return failure instanceof RecordTooLargeException
                || failure instanceof RecordBatchTooLargeException
                || failure instanceof InvalidTopicException
                || failure instanceof InvalidRecordException
                || failure instanceof SerializationException;
    }

    private static String describe(Throwable failure) {
        return failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }

    private ProducerRecord<String, String> toProducerRecord(OutboxRecord record) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, "ce_specversion", "1.0");
        header(headers, "ce_id", record.id());
        header(headers, "ce_type", record.type());
        header(headers, "ce_source", record.source());
        if (record.subject() != null) {
            header(headers, "ce_subject", record.subject());
        }
        header(headers, "ce_time", record.occurredAt().toString());
        header(headers, "content-type", "application/json");
        if (record.traceParent() != null) {
            header(headers, TraceContext.HEADER, record.traceParent());
        }
        return new ProducerRecord<>(record.topic(), null, record.key(), record.payload(), headers);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, RELAY_LOCK);
            try (ResultSet rs = lock.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private List<OutboxRecord> readBatch(Connection connection) throws SQLException {
        List<OutboxRecord> batch = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(SELECT_BATCH)) {
            select.setInt(1, config.batchSize());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Timestamp occurred = rs.getTimestamp(8);
                    batch.add(new OutboxRecord(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            occurred.toInstant(),
                            rs.getString(9),
                            rs.getString(10)));
                }
            }
        }
        return batch;
    }

    private static void markSent(Connection connection, List<Long> sequences) throws SQLException {
        if (sequences.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(
                "update outbox_events set sent_at = now(), attempts = attempts + 1, last_error = null where seq = any(?)")) {
            Array array = connection.createArrayOf("bigint", sequences.toArray());
            update.setArray(1, array);
            update.executeUpdate();
        }
    }

    private void park(Connection connection, long seq, String reason) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                update outbox_events set parked_at = now(), park_reason = ?, last_error = ?, attempts = attempts + 1
                where seq = ? and sent_at is null""")) {
            update.setString(1, reason);
            update.setString(2, reason);
            update.setLong(3, seq);
            if (update.executeUpdate() > 0) {
                parkedTotal.increment();
                LOG.errorf(
                        "outbox event seq %d parked: %s. Its member's later events wait behind it; replay it with "
                                + "POST /internal/v1/operations/outbox/parked/replay once the cause is fixed",
                        seq, reason);
            }
        }
    }

    private static void recordFailure(Connection connection, Long seq, RuntimeException failure) throws SQLException {
        if (seq == null) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(
                "update outbox_events set attempts = attempts + 1, last_error = ? where seq = ?")) {
            update.setString(1, failure.getMessage());
            update.setLong(2, seq);
            update.executeUpdate();
        }
    }

    private void refreshCounts(Connection connection) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement(COUNTS);
                ResultSet rs = count.executeQuery()) {
            if (rs.next()) {
                pending.set(rs.getLong(1));
                parked.set(rs.getLong(2));
            }
        }
    }

    /** Hourly: sent events past their retention, and inbox records past theirs. */
    private void purgeIfDue(Connection connection) throws SQLException {
        Instant now = Instant.now();
        if (now.isBefore(nextPurge)) {
            return;
        }
        nextPurge = now.plus(Duration.ofHours(1));
        purge(connection, now);
    }

    /** Deletes sent outbox events older than {@code vf.outbox.retention} and inbox records older than {@code vf.inbox.retention}. */
    int[] purge(Connection connection, Instant now) throws SQLException {
        int sent;
        int processed;
        try (PreparedStatement purge = connection.prepareStatement("delete from outbox_events where sent_at < ?")) {
            purge.setTimestamp(1, Timestamp.from(now.minus(config.retention())));
            sent = purge.executeUpdate();
        }
        try (PreparedStatement purge =
                connection.prepareStatement("delete from processed_events where processed_at < ?")) {
            purge.setTimestamp(1, Timestamp.from(now.minus(processedRetention)));
            processed = purge.executeUpdate();
        }
        if (sent > 0 || processed > 0) {
            LOG.infof(
                    "purged %d sent outbox events older than %s and %d inbox records older than %s",
                    sent, config.retention(), processed, processedRetention);
        }
        return new int[] {sent, processed};
    }

    /** Purges now instead of at the next hourly round (operators, tests). */
    public int[] purgeNow(Instant asOf) {
        return SystemContext.inNewTransaction("outbox purge", () -> {
            try (Connection connection = dataSource.getConnection()) {
                return purge(connection, asOf);
            }
        });
    }

    static Properties producerProperties(Map<String, ?> kafkaDefaults, OutboxConfig config) {
        Map<String, Object> own = new LinkedHashMap<>();
        own.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        own.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
        own.put(ProducerConfig.ACKS_CONFIG, "all");
        own.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        own.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        own.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        own.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        own.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        own.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int)
                Math.max(6_000, config.sendTimeout().toMillis()));
        own.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2_000);
        own.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, config.maxRequestBytes());
        own.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        own.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return KafkaClientSettings.forProducer(kafkaDefaults, own);
    }

    private void sleep(Duration duration) {
        try {
            wakeUps.tryAcquire(0); // a commit during backoff must not shorten it: Kafka is the problem
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private record BatchResult(int handled, RuntimeException failure) {}

    private record Outcome(
            List<Long> acknowledged, Map<Long, String> parked, Long failedSeq, RuntimeException failure) {}

    private record OutboxRecord(
            long seq,
            String id,
            String topic,
            String key,
            String type,
            String source,
            String subject,
            Instant occurredAt,
            String payload,
            String traceParent) {}
}
