package com.vibrationfit.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every topic the code knows, and every topic and dead-letter topic a consumer of any service uses, exists where
 * the platform runs: as a Strimzi KafkaTopic in deploy/k8s (production brokers do not create topics on first use)
 * and in the local broker's list of ./vf. A channel added without its topic fails here, not in production.
 */
class DeployedTopicsTest {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final Pattern TOPIC_NAME = Pattern.compile("(?m)^\\s*topicName:\\s*(\\S+)\\s*$");
    private static final Pattern CHANNEL_TOPIC =
            Pattern.compile("mp\\.messaging\\.(incoming|outgoing)\\.([^.]+)\\.topic");
    private static final Pattern DEAD_LETTER_TOPIC =
            Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.dead-letter-queue\\.topic");

    @Test
    void shouldDeployEveryTopicAndDeadLetterTopicTheServicesUse() throws IOException {
        Set<String> deployed = kubernetesTopics();
        Set<String> used = new TreeSet<>(codeTopics());
        List<String> consumersWithoutDeadLetters = new ArrayList<>();
        for (Path properties : serviceProperties()) {
            Properties p = new Properties();
            try (Reader reader = Files.newBufferedReader(properties)) {
                p.load(reader);
            }
            String service = properties
                    .getParent()
                    .getParent()
                    .getParent()
                    .getParent()
                    .getFileName()
                    .toString();
            for (String key : p.stringPropertyNames()) {
                Matcher channel = CHANNEL_TOPIC.matcher(key);
                if (channel.matches()) {
                    used.add(p.getProperty(key).trim());
                    if (channel.group(1).equals("incoming")
                            && p.getProperty("mp.messaging.incoming." + channel.group(2) + ".dead-letter-queue.topic")
                                    == null) {
                        consumersWithoutDeadLetters.add(service + " " + channel.group(2));
                    }
                }
                Matcher deadLetter = DEAD_LETTER_TOPIC.matcher(key);
                if (deadLetter.matches()) {
                    String topic = p.getProperty(key).trim();
                    used.add(topic);
                    String consumed = p.getProperty("mp.messaging.incoming." + deadLetter.group(1) + ".topic")
                            .trim();
                    assertEquals(
                            Topics.deadLetter(consumed, service),
                            topic,
                            "dead-letter topic of " + service + " " + deadLetter.group(1)
                                    + " follows <topic>.dlq.<service>");
                }
            }
        }
        assertTrue(used.size() > Topics.class.getFields().length, "no service configuration was read under " + ROOT);
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(deployed);
        assertEquals(Set.of(), missing, "topics used by the services but without a KafkaTopic in deploy/k8s");
        assertEquals(List.of(), consumersWithoutDeadLetters, "consumers without a dead-letter topic");
    }

    @Test
    void shouldCreateEveryTopicOfTheCodeOnTheLocalBroker() throws IOException {
        String vf = Files.readString(ROOT.resolve("vf"));
        Matcher list = Pattern.compile("KAFKA_TOPICS=\\(([^)]*)\\)").matcher(vf);
        assertTrue(list.find(), "KAFKA_TOPICS in ./vf");
        Set<String> local = new TreeSet<>(List.of(list.group(1).trim().split("\\s+")));
        assertEquals(codeTopics(), local, "./vf creates exactly the topics of Topics");
    }

    private static Set<String> codeTopics() {
        Set<String> topics = new TreeSet<>();
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    topics.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return topics;
    }

    private static Set<String> kubernetesTopics() throws IOException {
        Set<String> topics = new TreeSet<>();
        try (Stream<Path> files = Files.walk(ROOT.resolve("deploy/k8s"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                Matcher m = TOPIC_NAME.matcher(Files.readString(file));
                while (m.find()) {
                    topics.add(m.group(1));
                }
            }
        }
        return topics;
    }

    private static List<Path> serviceProperties() throws IOException {
        try (Stream<Path> dirs = Files.list(ROOT)) {
            return dirs.map(d -> d.resolve("src/main/resources/application.properties"))
                    .filter(Files::exists)
                    .sorted()
                    .toList();
        }
    }
}
