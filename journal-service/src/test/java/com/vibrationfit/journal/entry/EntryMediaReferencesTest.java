package com.vibrationfit.journal.entry;

import static com.vibrationfit.platform.testing.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vibrationfit.events.Topics;
import com.vibrationfit.platform.testing.KafkaTopics;
import com.vibrationfit.platform.testing.UploadedMedia;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Every change of an entry announces the full set of media it references on journal.events. */
@QuarkusTest
class EntryMediaReferencesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final UUID alice = UUID.randomUUID();

    @Test
    void shouldAnnounceTheEntrysFullMediaSetOnEveryChange() throws Exception {
        String photo = UploadedMedia.photo(alice);
        String other = UploadedMedia.photo(alice);
        String voice = UploadedMedia.photo(alice);
        String id = as(alice)
                .body(Map.of("content", "a good day", "image_urls", List.of(photo)))
                .post("/api/v1/journal/entries")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(alice)
                .body(Map.of("image_urls", List.of(photo, other)))
                .patch("/api/v1/journal/entries/" + id)
                .then()
                .statusCode(200);
        as(alice)
                .body(Map.of(
                        "url", voice, "transcript", "Grateful.", "type", "audio", "category", "journal", "duration", 3))
                .post("/api/v1/journal/entries/" + id + "/recordings")
                .then()
                .statusCode(200);
        as(alice)
                .body(Map.of("image_urls", List.of(other)))
                .patch("/api/v1/journal/entries/" + id)
                .then()
                .statusCode(200);
        as(alice)
                .delete("/api/v1/journal/entries/" + id + "/recordings/0")
                .then()
                .statusCode(200);
        as(alice).delete("/api/v1/journal/entries/" + id).then().statusCode(204);

        List<ConsumerRecord<String, String>> records = KafkaTopics.read(
                Topics.JOURNAL,
                Duration.ofSeconds(20),
                r -> alice.toString().equals(r.key())
                        && "media.references.changed".equals(KafkaTopics.header(r, "ce_type")),
                6);
        assertEquals(6, records.size());
        List<JsonNode> events = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            assertEquals("journal-service", KafkaTopics.header(record, "ce_source"));
            JsonNode data = JSON.readTree(record.value());
            assertEquals("journal_entry", data.get("entity_type").asText());
            assertEquals(id, data.get("entity_id").asText());
            assertEquals(alice.toString(), data.get("user_id").asText());
            Instant.parse(data.get("changed_at").asText());
            events.add(data);
        }
        assertEquals(
                List.of(
                        List.of(photo),
                        List.of(photo, other),
                        List.of(photo, other, voice),
                        List.of(other, voice),
                        List.of(other),
                        List.of()),
                events.stream().map(EntryMediaReferencesTest::urls).toList());
        assertEquals(
                List.of(false, false, false, false, false, true),
                events.stream().map(e -> e.get("deleted").asBoolean()).toList());
        for (int i = 1; i < events.size(); i++) {
            assertTrue(
                    events.get(i).get("version").asLong()
                            > events.get(i - 1).get("version").asLong(),
                    "versions grow with every change of the entry");
        }
    }

    private static List<String> urls(JsonNode data) {
        List<String> urls = new ArrayList<>();
        data.get("media_urls").forEach(url -> urls.add(url.asText()));
        return urls;
    }
}
