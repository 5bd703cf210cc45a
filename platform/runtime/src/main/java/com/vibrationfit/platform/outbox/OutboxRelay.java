package com.vibrationfit.platform.outbox;

import com.vibrationfit.platform.security.SystemContext;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
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
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox events to Kafka as CloudEvents (binary mode, key = user id), in outbox
 * order, and marks each sent only after the broker acknowledged it. While Kafka is unreachable the
 * events stay in the table and the relay retries with exponential backoff; nothing is lost.
 *
 * <p>One relay per database works at a time (a transaction-scoped advisory lock), so several replicas
 * of a service never publish out of order.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long RELAY_LOCK = 0x7666_6f75_7462_6f78L; // "vfoutbox"
    private static final String SELECT_BATCH = """
            select seq, id, topic, event_key, type, source, subject, occurred_at, payload::text
            from outbox_events where sent_at is null order by seq limit ?""";

    @Inject
    OutboxConfig config;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry metrics;

    private final Semaphore wakeUps = new Semaphore(0);
    private final AtomicLong pending = new AtomicLong();
    private final AtomicReference<String> lastError = new AtomicReference<>();
    private volatile Instant lastSuccess;
    private volatile boolean running;
    private Thread worker;
    private Producer<String, String> producer;
    private Instant nextPurge = Instant.EPOCH;

    void start(@Observes StartupEvent event) {
        Gauge.builder("outbox.pending", pending, AtomicLong::get)
                .description("events recorded but not yet acknowledged by Kafka")
                .register(metrics);
        if (!config.relayEnabled()) {
            LOG.info("outbox relay disabled by configuration");
            return;
        }
        producer = new KafkaProducer<>(producerProperties());
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

    /** Events waiting to be acknowledged, as of the relay's last round. */
    public long pending() {
        return pending.get();
    }

    public String lastError() {
        return lastError.get();
    }

    public Instant lastSuccess() {
        return lastSuccess;
    }

    private void loop() {
        Duration backoff = config.initialBackoff();
        while (running) {
            try {
                BatchResult result = SystemContext.call("outbox relay", this::publishBatch);
                if (result.failure() != null) {
                    throw result.failure();
                }
                int published = result.acknowledged();
                lastError.set(null);
                backoff = config.initialBackoff();
                if (published < config.batchSize()) {
                    // Caught up: sleep until a commit wakes us or the poll interval passes.
                    wakeUps.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUps.drainPermits();
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

    /** One round: publish up to a batch in order; commits what was acknowledged, reports a failure. */
    private BatchResult publishBatch() {
        return QuarkusTransaction.requiringNew().timeout(60).call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                if (!tryLock(connection)) {
                    return new BatchResult(0, null);
                }
                List<OutboxRecord> batch = readBatch(connection);
                if (batch.isEmpty()) {
                    pending.set(0);
                    purgeSentIfDue(connection);
                    return new BatchResult(0, null);
                }
                List<Long> acknowledged = new ArrayList<>();
                RuntimeException failure = publish(batch, acknowledged);
                markSent(connection, acknowledged);
                if (failure != null) {
                    recordFailure(connection, batch.get(acknowledged.size()).seq(), failure);
                }
                pending.set(countPending(connection));
                if (!acknowledged.isEmpty()) {
                    lastSuccess = Instant.now();
                }
                // Commit what was acknowledged; the loop backs off on a failure.
                return new BatchResult(acknowledged.size(), failure);
            } catch (SQLException e) {
                throw new IllegalStateException("outbox table unavailable: " + e.getMessage(), e);
            }
        });
    }

    private RuntimeException publish(List<OutboxRecord> batch, List<Long> acknowledged) {
        List<Future<?>> sends = new ArrayList<>(batch.size());
        try {
            for (OutboxRecord record : batch) {
                sends.add(producer.send(toProducerRecord(record)));
            }
        } catch (RuntimeException e) {
            // The producer refused before sending (e.g. metadata unavailable): wait for what went out.
            LOG.debugf("send refused after %d events: %s", sends.size(), e.getMessage());
        }
        long deadline = System.nanoTime() + config.sendTimeout().toNanos();
        for (int i = 0; i < batch.size(); i++) {
            if (i >= sends.size()) {
                return new IllegalStateException("Kafka refused event " + batch.get(i).id() + " (broker unreachable?)");
            }
            try {
                sends.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged.add(batch.get(i).seq());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new IllegalStateException("interrupted while waiting for Kafka");
            } catch (Exception e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                return new IllegalStateException("Kafka did not acknowledge event " + batch.get(i).id() + ": "
                        + cause.getClass().getSimpleName() + " " + cause.getMessage());
            }
        }
        return null;
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
                    batch.add(new OutboxRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), occurred.toInstant(), rs.getString(9)));
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

    private static void recordFailure(Connection connection, long seq, RuntimeException failure) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "update outbox_events set attempts = attempts + 1, last_error = ? where seq = ?")) {
            update.setString(1, failure.getMessage());
            update.setLong(2, seq);
            update.executeUpdate();
        }
    }

    private static long countPending(Connection connection) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement("select count(*) from outbox_events where sent_at is null");
                ResultSet rs = count.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private void purgeSentIfDue(Connection connection) throws SQLException {
        Instant now = Instant.now();
        if (now.isBefore(nextPurge)) {
            return;
        }
        nextPurge = now.plus(Duration.ofHours(1));
        try (PreparedStatement purge = connection.prepareStatement(
                "delete from outbox_events where sent_at < ?")) {
            purge.setTimestamp(1, Timestamp.from(now.minus(config.retention())));
            int purged = purge.executeUpdate();
            if (purged > 0) {
                LOG.infof("purged %d sent outbox events older than %s", purged, config.retention());
            }
        }
    }

    private Properties producerProperties() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(6_000, config.sendTimeout().toMillis()));
        props.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2_000);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return props;
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

    private record BatchResult(int acknowledged, RuntimeException failure) {
    }

    private record OutboxRecord(long seq, String id, String topic, String key, String type, String source,
            String subject, Instant occurredAt, String payload) {
    }
}
