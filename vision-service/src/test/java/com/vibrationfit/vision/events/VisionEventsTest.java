package com.vibrationfit.vision.events;

import static com.vibrationfit.vision.Fixtures.as;
import static com.vibrationfit.vision.Fixtures.completeVision;
import static com.vibrationfit.vision.Fixtures.createVision;
import static com.vibrationfit.vision.Fixtures.problem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vibrationfit.events.ContentHash;
import com.vibrationfit.events.Topics;
import com.vibrationfit.platform.security.SystemContext;
import com.vibrationfit.platform.testing.KafkaTopics;
import com.vibrationfit.vision.Fixtures;
import com.vibrationfit.vision.lifevision.VisionChanges;
import com.vibrationfit.vision.lifevision.VisionService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * What reaches vision.events, and what must not. (How the outbox behaves when Kafka is down or refuses an event
 * is the platform's, proven in platform/guarantees.)
 */
@QuarkusTest
class VisionEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    VisionService service;

    private final UUID alice = UUID.randomUUID();

    private static List<ConsumerRecord<String, String>> waitFor(UUID user, String type, int expected) {
        return KafkaTopics.read(
                Topics.VISION,
                Duration.ofSeconds(15),
                r -> user.toString().equals(KafkaTopics.header(r, "ce_subject"))
                        && type.equals(KafkaTopics.header(r, "ce_type")),
                expected);
    }

    @Test
    void shouldPublishVisionUpdatedWithKeyTypeAndHashesAfterAPatch() throws Exception {
        String id = createVision(alice, "events");
        as(alice)
                .body(Map.of("fun", "  Surfing   at dawn ", "health", "Strong"))
                .patch("/api/v1/visions/" + id)
                .then()
                .statusCode(200);

        List<ConsumerRecord<String, String>> updates = waitFor(alice, "vision.updated", 1);
        assertEquals(1, updates.size());
        ConsumerRecord<String, String> record = updates.get(0);
        assertEquals(alice.toString(), record.key());
        assertEquals("vision-service", KafkaTopics.header(record, "ce_source"));
        assertEquals("1.0", KafkaTopics.header(record, "ce_specversion"));
        UUID.fromString(KafkaTopics.header(record, "ce_id"));

        JsonNode data = JSON.readTree(record.value());
        assertEquals(id, data.get("vision_id").asText());
        assertEquals("draft", data.get("status").asText());
        assertEquals(14, data.get("sections").size());
        JsonNode fun = section(data, "fun");
        assertEquals(ContentHash.of("Surfing at dawn"), fun.get("content_hash").asText());
        assertEquals("Surfing at dawn", fun.get("text").asText());
        assertTrue(fun.get("changed").asBoolean());
        assertTrue(section(data, "health").get("changed").asBoolean());
        assertFalse(section(data, "money").get("changed").asBoolean());
        assertEquals(
                ContentHash.of(""), section(data, "money").get("content_hash").asText());
    }

    @Test
    void shouldNotMarkAWhitespaceOnlyEditAsChanged() throws Exception {
        String id = createVision(alice, "whitespace");
        as(alice)
                .body(Map.of("fun", "Surfing at dawn"))
                .patch("/api/v1/visions/" + id)
                .then()
                .statusCode(200);
        as(alice)
                .body(Map.of("fun", "Surfing  at dawn\n", "home", "A garden"))
                .patch("/api/v1/visions/" + id)
                .then()
                .statusCode(200);
        List<ConsumerRecord<String, String>> updates = waitFor(alice, "vision.updated", 2);
        assertEquals(2, updates.size());
        JsonNode second = JSON.readTree(updates.get(1).value());
        assertFalse(section(second, "fun").get("changed").asBoolean());
        assertTrue(section(second, "home").get("changed").asBoolean());
    }

    @Test
    void shouldPublishCreatedCompletedAndDeletedInOrder() {
        String kept = completeVision(alice, "kept");
        String scrapped = createVision(alice, "scrapped");
        as(alice).delete("/api/v1/visions/" + scrapped).then().statusCode(204);
        List<ConsumerRecord<String, String>> all = KafkaTopics.read(
                Topics.VISION,
                Duration.ofSeconds(15),
                r -> alice.toString().equals(KafkaTopics.header(r, "ce_subject")),
                5);
        assertEquals(
                List.of("vision.created", "vision.updated", "vision.completed", "vision.created", "vision.deleted"),
                all.stream().map(r -> KafkaTopics.header(r, "ce_type")).toList());
        assertTrue(all.get(2).value().contains(kept));
        assertTrue(all.get(4).value().contains(scrapped));
    }

    @Test
    void shouldPublishActivatedOnlyWhenTheActiveVersionChanges() throws Exception {
        String first = completeVision(alice, "first");
        completeVision(alice, "second");
        as(alice).post("/api/v1/visions/" + first + "/activate").then().statusCode(200);
        as(alice).post("/api/v1/visions/" + first + "/activate").then().statusCode(200); // already active: no event
        List<ConsumerRecord<String, String>> activated = waitFor(alice, "vision.activated", 1);
        assertEquals(1, activated.size());
        JsonNode event = JSON.readTree(activated.get(0).value());
        assertEquals(first, event.get("vision_id").asText());
        assertEquals(1, event.get("version_number").asInt());
        assertEquals(alice.toString(), activated.get(0).key());
    }

    @Test
    void shouldPublishActualizedBoardItems() throws Exception {
        String item = as(alice)
                .body(Map.of("name", "Trip to Japan", "categories", List.of("travel")))
                .post("/api/v1/vision-board/items")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(alice)
                .post("/api/v1/vision-board/items/" + item + "/actualize")
                .then()
                .statusCode(200);
        List<ConsumerRecord<String, String>> events = waitFor(alice, "vision-board.item.actualized", 1);
        assertEquals(1, events.size());
        JsonNode data = JSON.readTree(events.get(0).value());
        assertEquals(item, data.get("item_id").asText());
        assertEquals("travel", data.get("categories").get(0).asText());
        assertEquals(alice.toString(), data.get("user_id").asText());
    }

    @Test
    void shouldPublishNothingWhenTheTransactionRollsBack() {
        UUID id = UUID.fromString(createVision(alice, "rolled back"));
        SystemContext.run("test", () -> {
            QuarkusTransaction.begin();
            try {
                service.update(alice, id, null, changes("this edit never happened"));
            } finally {
                QuarkusTransaction.rollback();
            }
        });
        // A committed edit afterwards: once its event is visible, the rolled-back one would have been too.
        as(alice)
                .body(Map.of("fun", "this edit happened"))
                .patch("/api/v1/visions/" + id)
                .then()
                .statusCode(200);
        List<ConsumerRecord<String, String>> updates = waitFor(alice, "vision.updated", 1);
        assertEquals(1, updates.size());
        assertTrue(updates.get(0).value().contains("this edit happened"));
        assertTrue(KafkaTopics.readForUser(Topics.VISION, alice, Duration.ofSeconds(2), Integer.MAX_VALUE).stream()
                .noneMatch(r -> r.value().contains("never happened")));
    }

    /**
     * The platform refuses a change whose event would be over vf.outbox.max-event-bytes (200 kB in this module's
     * tests); a vision's event carries every section, and the refusal names them.
     */
    @Test
    void shouldRefuseAnEditWhoseEventWouldBeTooLargeNamingTheSections() {
        String id = createVision(alice, "too large");
        Map<String, Object> huge = new LinkedHashMap<>();
        huge.put("forward", "x".repeat(20_000));
        for (String category : Fixtures.CATEGORIES) {
            huge.put(category, "\"quoted\" ".repeat(2_000)); // 18k characters, 22k bytes once escaped
        }
        problem(as(alice).body(huge).patch("/api/v1/visions/" + id).then(), 422)
                .body("errors.field", hasItem("sections"))
                .body("detail", containsString("too large"));
        // Nothing was written.
        as(alice).get("/api/v1/visions/" + id).then().statusCode(200).body("fun", equalTo(""));
    }

    private static VisionChanges changes(String fun) {
        return new VisionChanges(
                null, null, fun, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    private static JsonNode section(JsonNode data, String key) {
        for (JsonNode section : data.get("sections")) {
            if (key.equals(section.get("key").asText())) {
                return section;
            }
        }
        throw new AssertionError("no section " + key);
    }
}
