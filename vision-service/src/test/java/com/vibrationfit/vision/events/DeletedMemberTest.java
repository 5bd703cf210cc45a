package com.vibrationfit.vision.events;

import static com.vibrationfit.vision.Fixtures.as;
import static com.vibrationfit.vision.Fixtures.audioCompleted;
import static com.vibrationfit.vision.Fixtures.completeVision;
import static com.vibrationfit.vision.Fixtures.createVision;
import static com.vibrationfit.vision.Fixtures.problem;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vibrationfit.events.Topics;
import com.vibrationfit.platform.testing.KafkaTopics;
import com.vibrationfit.platform.testing.RawSql;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A deleted member stays deleted: the purge remembers them and removes their events (sent or not) from the
 * outbox, events about them that arrive afterwards change nothing, and their still-valid token is refused.
 */
@QuarkusTest
class DeletedMemberTest {

    @Test
    void shouldIgnoreEventsAboutAMemberAfterTheirDeletionAndForgetTheirOutboxEvents() {
        UUID erin = UUID.randomUUID();
        UUID frank = UUID.randomUUID();
        String erins = completeVision(erin, "erin's vision");
        createVision(frank, "frank stays");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> RawSql.asSystem(
                                "select * from outbox_events where event_key = '" + erin + "' and sent_at is null")
                        .isEmpty());
        // An unsent one too (as if Kafka were down): it carries erin's text and must go with her.
        RawSql.asSystem("""
                insert into outbox_events (id, topic, event_key, type, source, subject, payload, parked_at, park_reason)
                values ('%s', 'vision.events', '%s', 'vision.updated', 'vision-service', '%s',
                        '{"text": "erin private words"}'::jsonb, now(), 'test: held')""".formatted(UUID.randomUUID(), erin, erin));

        KafkaTopics.publishUserDeleted(erin);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertEquals(
                        0,
                        RawSql.asSystem("select * from vision_versions where user_id = '" + erin + "'")
                                .size()));
        assertEquals(
                1,
                RawSql.asSystem("select * from deleted_users where user_id = '" + erin + "'")
                        .size());
        assertEquals(
                0,
                RawSql.asSystem("select * from outbox_events where event_key = '" + erin + "'")
                        .size(),
                "erin's events, sent and unsent, are gone from the outbox");
        assertTrue(RawSql.asSystem("select * from outbox_events where event_key = '" + frank + "'")
                        .size()
                >= 1);
        // Members cannot read the outbox. (Whether an id was deleted is readable by anyone: every
        // transaction checks its caller's id before its context is bound; the table holds ids and times only.)
        assertEquals(0, RawSql.asUser(frank, "select * from outbox_events").size());
        assertEquals(
                List.of("user_id", "deleted_at"),
                List.copyOf(RawSql.asUser(frank, "select * from deleted_users where user_id = '" + erin + "'")
                        .get(0)
                        .keySet()));

        // An event about erin still in flight (published after her deletion) is recorded and changes nothing,
        // while the same event for frank is applied.
        UUID late = KafkaTopics.publish(
                Topics.MEDIA,
                UUID.randomUUID(),
                "audio.track.completed",
                erin,
                audioCompleted(erin, erins, Instant.now()));
        String franks = completeVision(frank, "frank narrated");
        KafkaTopics.publish(
                Topics.MEDIA,
                UUID.randomUUID(),
                "audio.track.completed",
                frank,
                audioCompleted(frank, franks, Instant.now()));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> as(frank)
                        .get("/api/v1/visions/" + franks)
                        .then()
                        .body("last_audio_generated_at", notNullValue()));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertEquals(
                        1,
                        RawSql.asSystem("select * from processed_events where event_id = '" + late + "'")
                                .size()));
        assertEquals(List.of(), RawSql.asSystem("select * from vision_versions where user_id = '" + erin + "'"));
        // Her token is still valid for a while, but it opens nothing any more: no row of hers comes back.
        problem(
                as(erin).body(Map.of("title", "written after deletion"))
                        .post("/api/v1/visions")
                        .then(),
                401);
        problem(as(erin).get("/api/v1/visions/" + erins).then(), 401);
        assertEquals(List.of(), RawSql.asSystem("select * from vision_versions where user_id = '" + erin + "'"));
        as(frank).get("/api/v1/visions/" + franks).then().statusCode(200);
    }
}
