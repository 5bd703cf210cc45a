package com.vibrationfit.vision.board;

import static com.vibrationfit.vision.Fixtures.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vibrationfit.events.Topics;
import com.vibrationfit.platform.testing.KafkaTopics;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Every change of a board item announces the full set of media it references on vision.events. */
@QuarkusTest
class BoardMediaReferencesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final UUID alice = UUID.randomUUID();

    private String image() {
        return "s3://vibrationfit-media/users/" + alice + "/vision_board_image/" + UUID.randomUUID() + ".png";
    }

    @Test
    void shouldAnnounceTheItemsFullMediaSetOnCreateUpdateAndDelete() throws Exception {
        String first = image();
        String second = image();
        String id = as(alice)
                .body(Map.of("name", "Beach house", "image_url", first))
                .post("/api/v1/vision-board/items")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(alice)
                .body(Map.of("image_url", second))
                .patch("/api/v1/vision-board/items/" + id)
                .then()
                .statusCode(200);
        // An edit that leaves the image alone still announces the full set, not a difference.
        as(alice)
                .body(Map.of("name", "Beach house by the sea"))
                .patch("/api/v1/vision-board/items/" + id)
                .then()
                .statusCode(200);
        as(alice)
                .body(Map.of("image_url", ""))
                .patch("/api/v1/vision-board/items/" + id)
                .then()
                .statusCode(200);
        as(alice).delete("/api/v1/vision-board/items/" + id).then().statusCode(204);

        List<ConsumerRecord<String, String>> records = KafkaTopics.read(
                Topics.VISION,
                Duration.ofSeconds(20),
                r -> alice.toString().equals(r.key())
                        && "media.references.changed".equals(KafkaTopics.header(r, "ce_type")),
                5);
        assertEquals(5, records.size());
        List<JsonNode> events = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            assertEquals("vision-service", KafkaTopics.header(record, "ce_source"));
            JsonNode data = JSON.readTree(record.value());
            assertEquals("vision_board_item", data.get("entity_type").asText());
            assertEquals(id, data.get("entity_id").asText());
            assertEquals(alice.toString(), data.get("user_id").asText());
            Instant.parse(data.get("changed_at").asText());
            events.add(data);
        }
        assertEquals(
                List.of(List.of(first), List.of(second), List.of(second), List.of(), List.of()),
                events.stream().map(BoardMediaReferencesTest::urls).toList());
        assertEquals(
                List.of(false, false, false, false, true),
                events.stream().map(e -> e.get("deleted").asBoolean()).toList());
        for (int i = 1; i < events.size(); i++) {
            assertTrue(
                    events.get(i).get("version").asLong()
                            > events.get(i - 1).get("version").asLong(),
                    "versions grow with every change of the item");
        }
    }

    @Test
    void shouldAnnounceAnItemWithoutImageAsReferencingNothing() throws Exception {
        as(alice)
                .body(Map.of("name", "Run a marathon"))
                .post("/api/v1/vision-board/items")
                .then()
                .statusCode(201);
        List<ConsumerRecord<String, String>> records = KafkaTopics.read(
                Topics.VISION,
                Duration.ofSeconds(20),
                r -> alice.toString().equals(r.key())
                        && "media.references.changed".equals(KafkaTopics.header(r, "ce_type")),
                1);
        assertEquals(1, records.size());
        JsonNode data = JSON.readTree(records.get(0).value());
        assertEquals(List.of(), urls(data));
        assertFalse(data.get("deleted").asBoolean());
    }

    private static List<String> urls(JsonNode data) {
        List<String> urls = new ArrayList<>();
        data.get("media_urls").forEach(url -> urls.add(url.asText()));
        return urls;
    }
}
