package com.vibrationfit.platform.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Reads what reached a topic and publishes CloudEvents to one, against the test broker. */
public final class KafkaTopics {

    private KafkaTopics() {}

    private static String bootstrap() {
        return PlatformTestResource.kafka().bootstrapServers();
    }

    /** Every record of {@code topic} (from the beginning) matching {@code filter}, read for up to {@code wait}. */
    public static List<ConsumerRecord<String, String>> read(
            String topic, Duration wait, Predicate<ConsumerRecord<String, String>> filter, int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(wait);
            while (Instant.now().isBefore(deadline) && found.size() < expected) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (filter.test(record)) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }

    /** Records of {@code topic} whose CloudEvents subject is {@code userId}. */
    public static List<ConsumerRecord<String, String>> readForUser(
            String topic, UUID userId, Duration wait, int expected) {
        return read(topic, wait, r -> userId.toString().equals(header(r, "ce_subject")), expected);
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Publishes {@code json} as a binary-mode CloudEvent keyed by {@code userId}; returns the event id used. */
    public static UUID publish(String topic, UUID eventId, String type, UUID userId, String json) {
        return publish(topic, eventId, type, userId, json, Instant.now());
    }

    /** {@link #publish} of an event that happened at {@code time} (e.g. an old one replayed from a dead-letter topic). */
    public static UUID publish(String topic, UUID eventId, String type, UUID userId, String json, Instant time) {
        return publish(topic, eventId, type, userId, json, time, Map.of());
    }

    /** {@link #publish} with more record headers (e.g. the {@code traceparent} a producer's outbox sends). */
    public static UUID publish(
            String topic, UUID eventId, String type, UUID userId, String json, Instant time, Map<String, String> more) {
        RecordHeaders headers = new RecordHeaders();
        more.forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        Map.of(
                        "ce_specversion",
                        "1.0",
                        "ce_id",
                        eventId.toString(),
                        "ce_type",
                        type,
                        "ce_source",
                        "test",
                        "ce_subject",
                        userId.toString(),
                        "ce_time",
                        time.toString(),
                        "content-type",
                        "application/json")
                .forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        return send(new ProducerRecord<>(topic, null, userId.toString(), json, headers), eventId);
    }

    /** Publishes {@code user.deleted} for {@code userId} on identity.events, as the account owner does; returns its id. */
    public static UUID publishUserDeleted(UUID userId) {
        return publish(
                "identity.events",
                UUID.randomUUID(),
                "user.deleted",
                userId,
                "{\"user_id\":\"" + userId + "\",\"deleted_at\":\"" + Instant.now() + "\"}");
    }

    /** Publishes a raw record (e.g. one without CloudEvents headers, to test poison handling). */
    public static void publishRaw(String topic, String key, String value) {
        send(new ProducerRecord<>(topic, key, value), null);
    }

    private static UUID send(ProducerRecord<String, String> record, UUID eventId) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + record.topic(), e);
        }
        return eventId;
    }
}
