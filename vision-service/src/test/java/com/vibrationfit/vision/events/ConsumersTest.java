package com.vibrationfit.vision.events;

import static com.vibrationfit.vision.Fixtures.as;
import static com.vibrationfit.vision.Fixtures.completeVision;
import static com.vibrationfit.vision.Fixtures.createVision;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.vibrationfit.events.Topics;
import com.vibrationfit.platform.testing.Api;
import com.vibrationfit.platform.testing.KafkaTopics;
import com.vibrationfit.platform.testing.RawSql;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What vision-service does with media.events and identity.events, each applied at most once. (The inbox's own
 * guarantees, retries and dead-letter replays are proven in platform/guarantees.)
 */
@QuarkusTest
class ConsumersTest {

    private final UUID alice = UUID.randomUUID();

    private static String audioCompleted(UUID user, String visionId, Instant at) {
        return """
                {"track_id":"%s","user_id":"%s","vision_id":"%s","section_key":"fun","content_hash":"abc",
                 "voice_id":"espeak:en","audio_url":"s3://bucket/key.mp3","duration_seconds":12,
                 "completed_at":"%s","a_field_added_later":true}""".formatted(UUID.randomUUID(), user, visionId, at);
    }

    @Test
    void shouldMarkAudioGeneratedWhenATrackCompletes() {
        String id = completeVision(alice, "narrated");
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        KafkaTopics.publish(
                Topics.MEDIA, UUID.randomUUID(), "audio.track.completed", alice, audioCompleted(alice, id, at));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> as(alice)
                        .get("/api/v1/visions/" + id)
                        .then()
                        .body("last_audio_generated_at", equalTo(at.toString())));
    }

    @Test
    void shouldApplyTheSameEventOnlyOnce() {
        String id = completeVision(alice, "once");
        UUID eventId = UUID.randomUUID();
        Instant first = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        KafkaTopics.publish(Topics.MEDIA, eventId, "audio.track.completed", alice, audioCompleted(alice, id, first));
        // The same event delivered again (same id), with a later time: applying it twice would move the time.
        KafkaTopics.publish(
                Topics.MEDIA,
                eventId,
                "audio.track.completed",
                alice,
                audioCompleted(alice, id, first.plusSeconds(3600)));
        // A marker event behind both on the same partition (same key): once it is applied, both were seen.
        String marker = createVision(alice, "marker");
        KafkaTopics.publish(
                Topics.MEDIA, UUID.randomUUID(), "audio.track.completed", alice, audioCompleted(alice, marker, first));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> as(alice)
                        .get("/api/v1/visions/" + marker)
                        .then()
                        .body("last_audio_generated_at", notNullValue()));
        as(alice).get("/api/v1/visions/" + id).then().body("last_audio_generated_at", equalTo(first.toString()));
        assertEquals(
                1,
                RawSql.asSystem("select * from processed_events where event_id = '" + eventId + "'")
                        .size());
    }

    @Test
    void shouldDeleteEverythingOfADeletedUser() {
        UUID bob = UUID.randomUUID();
        completeVision(alice, "alice stays");
        createVision(alice, "alice draft");
        as(alice)
                .body(Map.of("name", "alice item"))
                .post("/api/v1/vision-board/items")
                .then()
                .statusCode(201);
        completeVision(bob, "bob goes");
        as(bob).body(Map.of("name", "bob item"))
                .post("/api/v1/vision-board/items")
                .then()
                .statusCode(201);

        KafkaTopics.publish(
                Topics.IDENTITY,
                UUID.randomUUID(),
                "user.deleted",
                alice,
                "{\"user_id\":\"" + alice + "\",\"deleted_at\":\"" + Instant.now() + "\"}");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertEquals(
                    0,
                    RawSql.asSystem("select * from vision_versions where user_id = '" + alice + "'")
                            .size());
            assertEquals(
                    0,
                    RawSql.asSystem("select * from vision_board_items where user_id = '" + alice + "'")
                            .size());
        });
        assertEquals(
                1,
                RawSql.asSystem("select * from vision_versions where user_id = '" + bob + "'")
                        .size());
        assertEquals(
                1,
                RawSql.asSystem("select * from vision_board_items where user_id = '" + bob + "'")
                        .size());
    }

    @Test
    void shouldOfferBothConsumersDeadLetterTopicsForReplay() {
        Api.asOperator()
                .get("/internal/v1/operations/dead-letters")
                .then()
                .statusCode(200)
                .body("channel", hasItems("media-events", "identity-events"))
                .body("find { it.channel == 'media-events' }.topic", equalTo(Topics.MEDIA))
                .body(
                        "find { it.channel == 'media-events' }.dead_letter_topic",
                        equalTo(Topics.deadLetter(Topics.MEDIA, "vision-service")))
                .body(
                        "find { it.channel == 'identity-events' }.dead_letter_topic",
                        equalTo(Topics.deadLetter(Topics.IDENTITY, "vision-service")));
    }

    @Test
    void shouldSendPoisonEventsToTheDeadLetterTopic() {
        String marker = "poison-" + UUID.randomUUID();
        KafkaTopics.publishRaw(
                Topics.MEDIA, alice.toString(), "{\"not\":\"a cloud event\",\"marker\":\"" + marker + "\"}");
        KafkaTopics.publish(
                Topics.MEDIA,
                UUID.randomUUID(),
                "audio.track.completed",
                alice,
                "{\"vision_id\": 12, \"m\":\"" + marker + "\"}");
        var dead = KafkaTopics.read(
                Topics.deadLetter(Topics.MEDIA, "vision-service"),
                Duration.ofSeconds(30),
                r -> r.value() != null && r.value().contains(marker),
                2);
        assertEquals(2, dead.size());
        // The consumer carries on after poison.
        String id = completeVision(alice, "after poison");
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        KafkaTopics.publish(
                Topics.MEDIA, UUID.randomUUID(), "audio.track.completed", alice, audioCompleted(alice, id, at));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() ->
                        as(alice).get("/api/v1/visions/" + id).then().body("last_audio_generated_at", notNullValue()));
    }
}
