package com.vibrationfit.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.vibrationfit.events.KafkaAccessCheck.Consumed;
import com.vibrationfit.events.KafkaDeployment.Acl;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link TopicCatalog} is the one list of topics: it matches what every service reads (its channels) and writes
 * (the topics its code publishes to), and the files generated from it (KafkaTopics, KafkaUsers, the local broker's
 * topics, the table in docs/events.md) are the committed ones. The committed Kafka resources are then checked on
 * their own: a consumer's topic or dead-letter topic without a KafkaTopic or an ACL fails here, not in production.
 * Run with {@code -Dvf.generate=true} to rewrite the generated files after changing the catalog.
 */
class TopicCatalogTest {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final Path TOPICS_YAML = ROOT.resolve("deploy/k8s/components/kafka-topics/topics.yaml");
    private static final Path USERS_YAML = ROOT.resolve("deploy/k8s/components/kafka-users/users.yaml");
    private static final Path LOCAL_TOPICS = ROOT.resolve("deploy/local/kafka/topics.txt");
    private static final Path EVENTS_DOC = ROOT.resolve("docs/events.md");
    private static final boolean GENERATE = Boolean.getBoolean("vf.generate");

    private static final Pattern INCOMING_TOPIC = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.topic");
    private static final Pattern OUTGOING_TOPIC = Pattern.compile("mp\\.messaging\\.outgoing\\.([^.]+)\\.topic");
    private static final Pattern TOPIC_CONSTANT = Pattern.compile("\\bTopics\\.([A-Z][A-Z_]*)\\b");
    private static final Pattern DOCS_TABLE = Pattern.compile("(?s)<!-- topics:.*?<!-- /topics -->\\n");

    @Test
    void shouldListWhatEachServiceReads() throws IOException {
        Map<String, List<Consumed>> consumed = consumedByService();
        assertEquals(TopicCatalog.SERVICES, List.copyOf(consumed.keySet()), "services found under " + ROOT);
        consumed.forEach((service, channels) -> {
            Set<String> topics =
                    new TreeSet<>(channels.stream().map(Consumed::topic).toList());
            assertEquals(new TreeSet<>(TopicCatalog.readBy(service)), topics, service + " reads (its channels)");
            for (Consumed c : channels) {
                assertEquals(
                        Topics.deadLetter(c.topic(), service),
                        c.deadLetter(),
                        service + " " + c.channel() + ": dead-letter topic <topic>.dlq.<service>");
            }
        });
    }

    @Test
    void shouldListWhatEachServiceWrites() throws IOException {
        for (String service : TopicCatalog.SERVICES) {
            Set<String> published = publishedIn(ROOT.resolve(service).resolve("src/main/java"));
            published.addAll(outgoingTopics(service));
            Set<String> missing = new TreeSet<>(published);
            missing.removeAll(TopicCatalog.writtenBy(service));
            assertEquals(Set.of(), missing, service + " writes topics the catalog does not give it");
        }
        assertEquals(
                codeTopics(),
                new TreeSet<>(TopicCatalog.TOPICS.stream()
                        .map(TopicCatalog.Topic::name)
                        .toList()),
                "every topic of Topics is in the catalog");
    }

    @Test
    void shouldKeepTheGeneratedFilesInStep() throws IOException {
        Map<Path, String> generated = new LinkedHashMap<>();
        generated.put(TOPICS_YAML, KafkaDeployment.topicsYaml());
        generated.put(USERS_YAML, KafkaDeployment.usersYaml());
        generated.put(LOCAL_TOPICS, KafkaDeployment.localTopics());
        String doc = Files.readString(EVENTS_DOC);
        Matcher table = DOCS_TABLE.matcher(doc);
        assertTrue(table.find(), "docs/events.md has the generated topic table between its markers");
        generated.put(EVENTS_DOC, table.replaceFirst(Matcher.quoteReplacement(KafkaDeployment.docsTable())));
        List<String> stale = new ArrayList<>();
        for (Map.Entry<Path, String> file : generated.entrySet()) {
            String committed = Files.exists(file.getKey()) ? Files.readString(file.getKey()) : "";
            if (committed.equals(file.getValue())) {
                continue;
            }
            if (GENERATE) {
                Files.createDirectories(file.getKey().getParent());
                Files.writeString(file.getKey(), file.getValue());
            } else {
                stale.add(ROOT.relativize(file.getKey()).toString());
            }
        }
        assertEquals(
                List.of(),
                stale,
                "generated from TopicCatalog but out of date: run ./mvnw -pl platform/events test -Dvf.generate=true");
    }

    @Test
    void shouldGrantEveryServiceItsTopicsInTheCommittedResources() throws IOException {
        List<String> problems =
                KafkaAccessCheck.problems(consumedByService(), writtenByService(), committedTopics(), committedAcls());
        assertEquals(List.of(), problems);
    }

    @Test
    void shouldReportAManifestBrokenOnPurpose() throws IOException {
        Map<String, List<Acl>> acls = committedAcls();
        acls.put(
                "media-service",
                acls.get("media-service").stream()
                        .filter(acl -> !acl.name().equals(Topics.VISION))
                        .toList());
        Set<String> topics = committedTopics();
        topics.remove(Topics.deadLetter(Topics.JOURNAL, "media-service"));
        List<String> problems = KafkaAccessCheck.problems(consumedByService(), writtenByService(), topics, acls);
        assertEquals(
                List.of(
                        "media-service may not read vision.events",
                        "no KafkaTopic for journal.events.dlq.media-service (media-service journal-events)"),
                problems.stream().sorted().toList());
    }

    private static Map<String, List<Consumed>> consumedByService() throws IOException {
        Map<String, List<Consumed>> all = new LinkedHashMap<>();
        for (String service : TopicCatalog.SERVICES) {
            Properties p = properties(service);
            List<Consumed> channels = new ArrayList<>();
            for (String key : new TreeSet<>(p.stringPropertyNames())) {
                Matcher m = INCOMING_TOPIC.matcher(key);
                if (m.matches()) {
                    String deadLetter =
                            p.getProperty("mp.messaging.incoming." + m.group(1) + ".dead-letter-queue.topic");
                    channels.add(new Consumed(
                            m.group(1), p.getProperty(key).trim(), deadLetter == null ? null : deadLetter.trim()));
                }
            }
            all.put(service, channels);
        }
        return all;
    }

    private static Map<String, Set<String>> writtenByService() {
        Map<String, Set<String>> all = new LinkedHashMap<>();
        TopicCatalog.SERVICES.forEach(service -> all.put(service, TopicCatalog.writtenBy(service)));
        return all;
    }

    private static Properties properties(String service) throws IOException {
        Properties p = new Properties();
        try (Reader reader =
                Files.newBufferedReader(ROOT.resolve(service).resolve("src/main/resources/application.properties"))) {
            p.load(reader);
        }
        return p;
    }

    private static Set<String> outgoingTopics(String service) throws IOException {
        Properties p = properties(service);
        Set<String> topics = new TreeSet<>();
        for (String key : p.stringPropertyNames()) {
            if (OUTGOING_TOPIC.matcher(key).matches()) {
                topics.add(p.getProperty(key).trim());
            }
        }
        return topics;
    }

    /** The topics a service's code names through {@link Topics} constants (what its outbox writes to). */
    private static Set<String> publishedIn(Path sources) throws IOException {
        Map<String, String> byConstant = new LinkedHashMap<>();
        for (Field field : constants()) {
            byConstant.put(field.getName(), value(field));
        }
        Set<String> topics = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = TOPIC_CONSTANT.matcher(Files.readString(file));
                while (m.find()) {
                    if (byConstant.containsKey(m.group(1))) {
                        topics.add(byConstant.get(m.group(1)));
                    }
                }
            }
        }
        return topics;
    }

    private static Set<String> codeTopics() {
        Set<String> topics = new TreeSet<>();
        constants().forEach(field -> topics.add(value(field)));
        return topics;
    }

    private static List<Field> constants() {
        return Stream.of(Topics.class.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
                .toList();
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The committed file's documents; while regenerating, the new text's (the files may not be written yet). */
    private static List<JsonNode> documents(Path yaml) throws IOException {
        String text = !GENERATE
                ? Files.readString(yaml)
                : yaml.equals(TOPICS_YAML) ? KafkaDeployment.topicsYaml() : KafkaDeployment.usersYaml();
        YAMLMapper mapper = new YAMLMapper();
        try (MappingIterator<JsonNode> docs = mapper.readerFor(JsonNode.class).readValues(text)) {
            return docs.readAll().stream()
                    .filter(d -> d != null && !d.isEmpty())
                    .toList();
        }
    }

    private static Set<String> committedTopics() throws IOException {
        Set<String> topics = new TreeSet<>();
        for (JsonNode doc : documents(TOPICS_YAML)) {
            if (doc.path("kind").asText().equals("KafkaTopic")) {
                topics.add(doc.path("spec").path("topicName").asText());
            }
        }
        return topics;
    }

    private static Map<String, List<Acl>> committedAcls() throws IOException {
        Map<String, List<Acl>> users = new LinkedHashMap<>();
        for (JsonNode doc : documents(USERS_YAML)) {
            if (!doc.path("kind").asText().equals("KafkaUser")) {
                continue;
            }
            List<Acl> acls = new ArrayList<>();
            for (JsonNode acl : doc.path("spec").path("authorization").path("acls")) {
                JsonNode resource = acl.path("resource");
                List<String> operations = new ArrayList<>();
                acl.path("operations").forEach(op -> operations.add(op.asText()));
                acls.add(new Acl(
                        resource.path("type").asText(),
                        resource.path("name").asText(),
                        resource.path("patternType").asText("literal"),
                        operations));
            }
            users.put(doc.path("metadata").path("name").asText(), acls);
        }
        return users;
    }
}
