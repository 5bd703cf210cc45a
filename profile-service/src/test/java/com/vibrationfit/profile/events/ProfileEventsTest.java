package com.vibrationfit.profile.events;

import static com.vibrationfit.platform.testing.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vibrationfit.events.Topics;
import com.vibrationfit.platform.testing.KafkaTopics;
import com.vibrationfit.platform.testing.UploadedMedia;
import com.vibrationfit.profile.Profiles;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** What reaches profile.events, through the outbox, for each change of a member's versions. */
@QuarkusTest
class ProfileEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final UUID alice = UUID.randomUUID();

    private static List<ConsumerRecord<String, String>> ofType(
            List<ConsumerRecord<String, String>> records, String type) {
        return records.stream()
                .filter(r -> type.equals(KafkaTopics.header(r, "ce_type")))
                .toList();
    }

    private static JsonNode payload(ConsumerRecord<String, String> record) throws Exception {
        return JSON.readTree(record.value());
    }

    @Test
    void shouldPublishEachVersionChangeAndTheCommittedProfile() throws Exception {
        String picture = UploadedMedia.of(alice, "profile_picture", "image/jpeg");
        String v1 = Profiles.create(
                alice,
                Map.of(
                        "first_name",
                        "Alice",
                        "relationship_status",
                        "married",
                        "partner_name",
                        "Rui",
                        "has_children",
                        true,
                        "number_of_children",
                        1,
                        "children_ages",
                        List.of("4"),
                        "employment_type",
                        "self-employed",
                        "profile_picture_url",
                        picture));
        String draft = Profiles.draft(alice);
        as(alice)
                .body(Map.of(
                        "relationship_status",
                        "single",
                        "profile_picture_url",
                        UploadedMedia.of(alice, "profile_picture", "image/png")))
                .patch("/api/v1/profiles/" + draft)
                .then()
                .statusCode(200);
        Profiles.commit(alice, draft);
        as(alice).post("/api/v1/profiles/" + v1 + "/activate").then().statusCode(200);
        as(alice).delete("/api/v1/profiles/" + draft).then().statusCode(204);

        // created v1, refs v1, committed(create); created draft, refs draft; updated draft, refs draft (new photo);
        // updated v1, updated draft, committed(commit); updated draft, updated v1, committed(activate);
        // deleted draft, refs draft (deleted): 15
        List<ConsumerRecord<String, String>> all =
                KafkaTopics.readForUser(Topics.PROFILE, alice, Duration.ofSeconds(30), 15);
        assertEquals(15, all.size());
        assertEquals(2, ofType(all, "profile.version.created").size());
        assertEquals(5, ofType(all, "profile.version.updated").size());
        assertEquals(1, ofType(all, "profile.version.deleted").size());
        assertEquals(4, ofType(all, "media.references.changed").size());
        List<ConsumerRecord<String, String>> committed = ofType(all, "profile.version.committed");
        assertEquals(3, committed.size());
        assertTrue(all.stream().allMatch(r -> alice.toString().equals(r.key())), "keyed by the member: one order");

        JsonNode first = payload(committed.get(0));
        assertEquals("create", first.get("reason").asText());
        assertEquals(v1, first.get("profile_id").asText());
        assertEquals("married", first.get("relationship_status").asText());
        assertTrue(first.get("in_relationship").asBoolean());
        assertTrue(first.get("has_children").asBoolean());
        assertEquals(1, first.get("number_of_children").asInt());
        assertEquals("self-employed", first.get("employment_type").asText());
        assertEquals("Rui", first.get("profile").get("partner_name").asText());
        assertFalse(
                first.get("profile").has("profile_picture_url"), "media URLs are not part of the published profile");

        JsonNode second = payload(committed.get(1));
        assertEquals("commit", second.get("reason").asText());
        assertEquals(draft, second.get("profile_id").asText());
        assertEquals(v1, second.get("previous_active_id").asText());
        assertFalse(second.get("in_relationship").asBoolean());
        JsonNode third = payload(committed.get(2));
        assertEquals("activate", third.get("reason").asText());
        assertEquals(v1, third.get("profile_id").asText());

        JsonNode deleted = payload(ofType(all, "profile.version.deleted").get(0));
        assertEquals(draft, deleted.get("profile_id").asText());
        assertEquals(1, deleted.get("removed_media_urls").size());
        JsonNode lastRefs = payload(ofType(all, "media.references.changed").get(3));
        assertEquals("profile_version", lastRefs.get("entity_type").asText());
        assertEquals(draft, lastRefs.get("entity_id").asText());
        assertTrue(lastRefs.get("deleted").asBoolean());
    }
}
