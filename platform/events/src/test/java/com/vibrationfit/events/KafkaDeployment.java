package com.vibrationfit.events;

import com.vibrationfit.events.TopicCatalog.Topic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@link TopicCatalog} generates: the Strimzi KafkaTopics and KafkaUsers, the local broker's topic list and the
 * topic table of docs/events.md. Plain text, so the committed files can be compared byte for byte.
 */
final class KafkaDeployment {

    static final String CLUSTER = "vibrationfit";
    static final String TOPIC_NAMESPACE = "vibrationfit";
    static final String APP_NAMESPACE = "vibrationfit";
    static final int EVENT_PARTITIONS = 6;
    static final int DEAD_LETTER_PARTITIONS = 3;

    /** One ACL rule: operations on a resource (topic or group), literal or by prefix. */
    record Acl(String type, String name, String patternType, List<String> operations) {}

    private KafkaDeployment() {}

    static String generatedNotice(String comment) {
        return comment + " GENERATED from platform/events TopicCatalog: edit the catalog, then run\n" + comment
                + "   ./mvnw -pl platform/events test -Dvf.generate=true\n";
    }

    static String topicsYaml() {
        StringBuilder out = new StringBuilder(generatedNotice("#"));
        out.append("""
                # Strimzi KafkaTopics (kafka.strimzi.io/v1) for the platform's event topics and the consumers'
                # dead-letter topics, reconciled by the Topic Operator of the cluster in components/kafka-cluster.
                # Event topics: 6 partitions, replication factor 3, min.insync.replicas 2 (producers use acks=all).
                # max.message.bytes is set on purpose: the outbox relay's producer sends at most 1 MiB
                # (vf.outbox.relay.max-request-bytes) and services refuse changes whose event exceeds 900,000 bytes
                # (vf.outbox.max-event-bytes), so a topic must accept at least 1 MiB plus the batch header (1048588).
                # Retention: 7 days by default; the services' inbox keeps processed event ids 14 days
                # (vf.inbox.retention), longer than a record can be redelivered.
                # Dead-letter topics: <topic>.dlq.<consumer service>. A consumer that cannot process a record after its
                # retries publishes it there (SmallRye failure-strategy=dead-letter-queue). Low volume: 3 partitions,
                # kept 14 days for inspection and replay.
                """);
        List<String> documents = new ArrayList<>();
        for (Topic topic : TopicCatalog.TOPICS) {
            documents.add(topic(topic.name(), EVENT_PARTITIONS, null));
        }
        for (Topic topic : TopicCatalog.TOPICS) {
            for (String deadLetter : topic.deadLetters()) {
                documents.add(topic(deadLetter, DEAD_LETTER_PARTITIONS, "1209600000"));
            }
        }
        out.append(String.join("---\n", documents));
        return out.toString();
    }

    private static String topic(String name, int partitions, String retentionMs) {
        return """
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata:
                  name: %s
                  namespace: %s
                  labels:
                    strimzi.io/cluster: %s
                    app.kubernetes.io/part-of: vibrationfit
                spec:
                  topicName: %s
                  partitions: %d
                  replicas: 3
                  config:
                    min.insync.replicas: 2
                    max.message.bytes: 1048588
                """.formatted(resourceName(name), TOPIC_NAMESPACE, CLUSTER, name, partitions)
                + (retentionMs == null ? "" : "    retention.ms: " + retentionMs + "\n");
    }

    /** Every service's ACLs: write what it produces, read what it consumes, write and read its dead letters. */
    static Map<String, List<Acl>> acls() {
        Map<String, List<Acl>> all = new LinkedHashMap<>();
        for (String service : TopicCatalog.SERVICES) {
            List<Acl> acls = new ArrayList<>();
            for (String topic : TopicCatalog.writtenBy(service)) {
                acls.add(new Acl("topic", topic, "literal", List.of("Describe", "Write")));
            }
            for (String topic : TopicCatalog.readBy(service)) {
                acls.add(new Acl("topic", topic, "literal", List.of("Describe", "Read")));
            }
            for (String topic : TopicCatalog.readBy(service)) {
                acls.add(new Acl(
                        "topic", Topics.deadLetter(topic, service), "literal", List.of("Describe", "Read", "Write")));
            }
            if (!TopicCatalog.readBy(service).isEmpty()) {
                // Its consumer group, and the dead-letter replay's groups (<service>.<channel>.dlq-replay).
                acls.add(new Acl("group", service, "prefix", List.of("Read")));
            }
            all.put(service, acls);
        }
        return all;
    }

    static String usersYaml() {
        StringBuilder out = new StringBuilder(generatedNotice("#"));
        out.append("""
                # One Strimzi KafkaUser per service: SCRAM-SHA-512 credentials and simple ACLs that let it write only
                # its own topics and read only the topics and groups it consumes. The User Operator of the cluster
                # (components/kafka-cluster) makes a Secret named after each user (password, sasl.jaas.config) in
                # this namespace, which the service's pods read (KAFKA_SASL_JAAS_CONFIG).
                """);
        List<String> documents = new ArrayList<>();
        acls().forEach((service, acls) -> {
            StringBuilder user = new StringBuilder("""
                    apiVersion: kafka.strimzi.io/v1
                    kind: KafkaUser
                    metadata:
                      name: %s
                      namespace: %s
                      labels:
                        strimzi.io/cluster: %s
                        app.kubernetes.io/part-of: vibrationfit
                    spec:
                      authentication:
                        type: scram-sha-512
                      authorization:
                        type: simple
                        acls:
                    """.formatted(service, APP_NAMESPACE, CLUSTER));
            for (Acl acl : acls) {
                user.append(
                        """
                              - resource:
                                  type: %s
                                  name: %s
                                  patternType: %s
                                operations: [%s]
                        """.formatted(acl.type(), acl.name(), acl.patternType(), String.join(", ", acl.operations())));
            }
            documents.add(user.toString());
        });
        out.append(String.join("---\n", documents));
        return out.toString();
    }

    static String localTopics() {
        return generatedNotice("#")
                + "# The event topics ./vf creates on the local broker. Dead-letter topics (<topic>.dlq.<service>) are\n"
                + "# created there on first use (auto.create.topics.enable); in production each is a KafkaTopic.\n"
                + String.join(
                        "\n",
                        TopicCatalog.TOPICS.stream()
                                .map(TopicCatalog.Topic::name)
                                .toList()) + "\n";
    }

    /** The table between the markers of docs/events.md. */
    static String docsTable() {
        StringBuilder out = new StringBuilder(
                "<!-- topics: GENERATED from platform/events TopicCatalog (./mvnw -pl platform/events test -Dvf.generate=true) -->\n");
        out.append("| topic | written by | read by (consumer group; dead-letter topic `<topic>.dlq.<group>`) |\n");
        out.append("|---|---|---|\n");
        for (Topic topic : TopicCatalog.TOPICS) {
            out.append("| `")
                    .append(topic.name())
                    .append("` | ")
                    .append(inOrder(topic.producers()))
                    .append(" | ")
                    .append(inOrder(topic.consumers()))
                    .append(" |\n");
        }
        out.append("<!-- /topics -->\n");
        return out.toString();
    }

    private static String inOrder(Set<String> services) {
        if (services.size() == TopicCatalog.SERVICES.size()) {
            return "every service";
        }
        return String.join(
                ", ", TopicCatalog.SERVICES.stream().filter(services::contains).toList());
    }

    static String resourceName(String topic) {
        return topic.replace('.', '-');
    }
}
