package com.vibrationfit.events;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every Kafka topic of the platform, which services write it and which read it: the one list the local broker
 * setup ({@code deploy/local/kafka/topics.txt}), the Strimzi {@code KafkaTopic} and {@code KafkaUser} resources
 * ({@code deploy/k8s/components/kafka-topics}, {@code deploy/k8s/components/kafka-users}) and the topic table of
 * {@code docs/events.md} are generated from, and that the services' channel settings are checked against
 * ({@code TopicCatalogTest}).
 *
 * <p>A consumer reads as the consumer group named after its service (dead-letter replays use groups under that
 * name too) and owns one dead-letter topic per topic it reads ({@link Topics#deadLetter}), which it writes and, to
 * replay, reads.
 */
public final class TopicCatalog {

    /** A topic, the services that write it and the services whose consumer group reads it. */
    public record Topic(String name, Set<String> producers, Set<String> consumers) {

        public Topic {
            producers = Set.copyOf(producers);
            consumers = Set.copyOf(consumers);
        }

        /** The dead-letter topics of its consumers, in the order of {@link #SERVICES}. */
        public List<String> deadLetters() {
            return SERVICES.stream()
                    .filter(consumers::contains)
                    .map(service -> Topics.deadLetter(name, service))
                    .toList();
        }
    }

    /** The services that use Kafka, in the order the platform lists them. */
    public static final List<String> SERVICES = List.of(
            "profile-service",
            "vision-service",
            "assessment-service",
            "journal-service",
            "media-service",
            "ai-usage-service");

    private static final Set<String> EVERY_SERVICE = Set.copyOf(SERVICES);

    public static final List<Topic> TOPICS = List.of(
            // user.deleted and user.export.requested: only profile-service may write them (user.deleted erases a
            // member everywhere); every service reads them.
            new Topic(Topics.IDENTITY, Set.of("profile-service"), EVERY_SERVICE),
            new Topic(
                    Topics.PROFILE,
                    Set.of("profile-service"),
                    Set.of("assessment-service", "media-service", "ai-usage-service")),
            new Topic(Topics.VISION, Set.of("vision-service"), Set.of("media-service", "ai-usage-service")),
            new Topic(Topics.ASSESSMENT, Set.of("assessment-service"), Set.of("ai-usage-service")),
            new Topic(Topics.JOURNAL, Set.of("journal-service"), Set.of("media-service")),
            new Topic(
                    Topics.MEDIA,
                    Set.of("media-service"),
                    Set.of("profile-service", "vision-service", "journal-service")),
            new Topic(Topics.AI_USAGE, Set.of("media-service"), Set.of("ai-usage-service")),
            new Topic(Topics.AI_BALANCES, Set.of("ai-usage-service"), Set.of("profile-service")),
            // Every service announces its part of an account export (platform ExportPartWriter); profile-service
            // assembles them.
            new Topic(Topics.EXPORT_PARTS, EVERY_SERVICE, Set.of("profile-service")));

    private TopicCatalog() {}

    public static Optional<Topic> topic(String name) {
        return TOPICS.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** The event topics, then every dead-letter topic: what a broker must hold. */
    public static List<String> allTopicNames() {
        List<String> names = new ArrayList<>(TOPICS.stream().map(Topic::name).toList());
        TOPICS.forEach(t -> names.addAll(t.deadLetters()));
        return names;
    }

    /** The topics {@code service} writes, in catalog order. */
    public static Set<String> writtenBy(String service) {
        Set<String> names = new LinkedHashSet<>();
        TOPICS.stream().filter(t -> t.producers().contains(service)).forEach(t -> names.add(t.name()));
        return names;
    }

    /** The topics {@code service} reads, in catalog order. */
    public static Set<String> readBy(String service) {
        Set<String> names = new LinkedHashSet<>();
        TOPICS.stream().filter(t -> t.consumers().contains(service)).forEach(t -> names.add(t.name()));
        return names;
    }
}
