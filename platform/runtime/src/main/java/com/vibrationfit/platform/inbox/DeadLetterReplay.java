package com.vibrationfit.platform.inbox;

import com.vibrationfit.platform.messaging.KafkaClientSettings;
import io.quarkus.arc.ClientProxy;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Feeds a consumer's dead-letter topic back into that consumer, through the same {@link EventConsumer}
 * method live records take, so the inbox keeps the replay idempotent (an event applied meanwhile changes
 * nothing). The replay reads with its own consumer group ({@code <group>.dlq-replay}), commits after each
 * record, and stops at the end the topic had when it began; so a replay can be repeated, or resumed after
 * a crash, without applying anything twice. A record that fails for good again is appended to the
 * dead-letter topic anew (with the reason) and stays there for the next replay.
 */
@ApplicationScoped
public class DeadLetterReplay {

    private static final Logger LOG = Logger.getLogger(DeadLetterReplay.class);

    /** A consumer's dead-letter topic and what is waiting in it for a replay. */
    public record DeadLetters(String channel, String topic, String deadLetterTopic, String replayGroup, long waiting) {}

    /** What one replay did: records read, applied (or found already applied), and dead-lettered again. */
    public record ReplayReport(String channel, String deadLetterTopic, long read, long applied, long failedAgain) {}

    @Inject
    @Any
    Instance<EventConsumer> consumers;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaDefaults;

    @Inject
    Config config;

    /** Every consumer of this service with a dead-letter topic. */
    public List<DeadLetters> list() {
        List<DeadLetters> all = new ArrayList<>();
        for (String channel : channels().keySet()) {
            deadLetterTopic(channel).ifPresent(dlq -> {
                try (KafkaConsumer<String, String> reader = reader(channel)) {
                    List<TopicPartition> partitions = partitions(reader, dlq);
                    long waiting = 0;
                    if (!partitions.isEmpty()) {
                        Map<TopicPartition, Long> end = reader.endOffsets(partitions, Duration.ofSeconds(10));
                        Map<TopicPartition, Long> begin = reader.beginningOffsets(partitions, Duration.ofSeconds(10));
                        Map<TopicPartition, OffsetAndMetadata> committed =
                                reader.committed(Set.copyOf(partitions), Duration.ofSeconds(10));
                        for (TopicPartition tp : partitions) {
                            OffsetAndMetadata done = committed.get(tp);
                            long from = done == null ? begin.get(tp) : Math.max(done.offset(), begin.get(tp));
                            waiting += Math.max(0, end.get(tp) - from);
                        }
                    }
                    all.add(new DeadLetters(channel, topic(channel), dlq, replayGroup(channel), waiting));
                }
            });
        }
        return all;
    }

    /** Replays what waits in {@code channel}'s dead-letter topic; empty if the service has no such consumer. */
    public Optional<ReplayReport> replay(String channel) {
        EventConsumer consumer = channels().get(channel);
        Optional<String> dlq = deadLetterTopic(channel);
        if (consumer == null || dlq.isEmpty()) {
            return Optional.empty();
        }
        String topic = dlq.get();
        long read = 0;
        long applied = 0;
        long failedAgain = 0;
        try (KafkaConsumer<String, String> reader = reader(channel);
                KafkaProducer<String, String> deadLetters = writer()) {
            List<TopicPartition> partitions = partitions(reader, topic);
            if (partitions.isEmpty()) {
                return Optional.of(new ReplayReport(channel, topic, 0, 0, 0));
            }
            reader.assign(partitions);
            Map<TopicPartition, Long> end = reader.endOffsets(partitions, Duration.ofSeconds(10));
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (!reachedEnd(reader, end) && System.nanoTime() < deadline) {
                ConsumerRecords<String, String> records = reader.poll(Duration.ofMillis(500));
                for (ConsumerRecord<String, String> record : records) {
                    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.get(tp)) {
                        continue; // appended after the replay began (maybe by this replay): next time
                    }
                    read++;
                    try {
                        consumer.consume(record);
                        applied++;
                    } catch (RuntimeException e) {
                        failedAgain++;
                        LOG.warnf(
                                "replay of %s@%d into %s failed again: %s",
                                topic, record.offset(), channel, e.getMessage());
                        RecordHeaders headers = new RecordHeaders();
                        record.headers().forEach(h -> {
                            if (!h.key().equals("dead-letter-reason")) {
                                headers.add(h.key(), h.value());
                            }
                        });
                        headers.add(
                                "dead-letter-reason",
                                String.valueOf(e.getMessage()).getBytes(StandardCharsets.UTF_8));
                        ProducerRecord<String, String> again =
                                new ProducerRecord<>(topic, null, record.key(), record.value(), headers);
                        deadLetters.send(again).get();
                    }
                    reader.commitSync(Map.of(tp, new OffsetAndMetadata(record.offset() + 1)));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("replay interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not write back to " + topic + ": " + e.getMessage(), e);
        }
        LOG.infof(
                "replayed %d dead-lettered events into %s: %d applied or already applied, %d failed again",
                read, channel, applied, failedAgain);
        return Optional.of(new ReplayReport(channel, topic, read, applied, failedAgain));
    }

    private static boolean reachedEnd(KafkaConsumer<String, String> reader, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
            if (reader.position(partition.getKey(), Duration.ofSeconds(10)) < partition.getValue()) {
                return false;
            }
        }
        return true;
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, String> reader, String topic) {
        List<PartitionInfo> infos = reader.listTopics(Duration.ofSeconds(10)).get(topic);
        if (infos == null) {
            return List.of();
        }
        return infos.stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .collect(Collectors.toList());
    }

    /** The service's consumers by channel name (their {@code @Incoming}). */
    Map<String, EventConsumer> channels() {
        Map<String, EventConsumer> byChannel = new LinkedHashMap<>();
        for (EventConsumer consumer : consumers) {
            Object target = consumer instanceof ClientProxy proxy ? proxy.arc_contextualInstance() : consumer;
            for (Class<?> type = target.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
                for (Method method : type.getDeclaredMethods()) {
                    Incoming incoming = method.getAnnotation(Incoming.class);
                    if (incoming != null) {
                        byChannel.put(incoming.value(), consumer);
                    }
                }
            }
        }
        return byChannel;
    }

    private Optional<String> deadLetterTopic(String channel) {
        if (!"dead-letter-queue"
                .equals(channelSetting(channel, "failure-strategy").orElse(""))) {
            return Optional.empty();
        }
        return Optional.of(
                channelSetting(channel, "dead-letter-queue.topic").orElse("dead-letter-topic-" + topic(channel)));
    }

    /** A channel's setting as SmallRye reads it: the channel's own value, else the Kafka connector's default. */
    private Optional<String> channelSetting(String channel, String key) {
        return config.getOptionalValue("mp.messaging.incoming." + channel + "." + key, String.class)
                .or(() -> config.getOptionalValue("mp.messaging.connector.smallrye-kafka." + key, String.class));
    }

    private String topic(String channel) {
        return config.getOptionalValue("mp.messaging.incoming." + channel + ".topic", String.class)
                .orElse(channel);
    }

    private String replayGroup(String channel) {
        String group =
                channelSetting(channel, "group.id").orElse(config.getValue("quarkus.application.name", String.class));
        return group + "." + channel + ".dlq-replay";
    }

    private KafkaConsumer<String, String> reader(String channel) {
        Map<String, Object> own = new LinkedHashMap<>();
        own.put(ConsumerConfig.GROUP_ID_CONFIG, replayGroup(channel));
        own.put(ConsumerConfig.CLIENT_ID_CONFIG, replayGroup(channel));
        own.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        own.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        own.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 50);
        own.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        own.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(KafkaClientSettings.forConsumer(kafkaDefaults, own));
    }

    private KafkaProducer<String, String> writer() {
        Map<String, Object> own = new LinkedHashMap<>();
        own.put(ProducerConfig.ACKS_CONFIG, "all");
        own.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        own.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(KafkaClientSettings.forProducer(kafkaDefaults, own));
    }
}
