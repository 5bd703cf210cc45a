package com.vibrationfit.vision.events;

import static com.vibrationfit.vision.Fixtures.as;
import static com.vibrationfit.vision.Fixtures.audioCompleted;
import static com.vibrationfit.vision.Fixtures.completeVision;
import static com.vibrationfit.vision.Fixtures.problem;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.vibrationfit.events.Topics;
import com.vibrationfit.platform.testing.Api;
import com.vibrationfit.platform.testing.KafkaTopics;
import com.vibrationfit.platform.testing.RawSql;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An operator replays a dead-letter topic into its consumer: what can be applied is applied once (the
 * inbox makes duplicates harmless), what still cannot is dead-lettered again, and a second replay does
 * not re-read what the first one finished.
 */
@QuarkusTest
class DeadLetterReplayTest {

    private static final String DLQ = Topics.deadLetter(Topics.MEDIA, "vision-service");

    @Test
    void shouldReplayTheDeadLetterTopicIntoItsConsumerOnce() {
        UUID alice = UUID.randomUUID();
        String vision = completeVision(alice, "dead-lettered narration");
        // What the old inbox did during a database outage: a good event sent to the dead-letter topic (twice,
        // as a redelivery would), next to a record that can never be applied.
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        UUID good = UUID.randomUUID();
        KafkaTopics.publish(DLQ, good, "audio.track.completed", alice, audioCompleted(alice, vision, at));
        KafkaTopics.publish(DLQ, good, "audio.track.completed", alice, audioCompleted(alice, vision, at));
        KafkaTopics.publishRaw(DLQ, alice.toString(), "{\"not\": \"a cloud event\", \"for\": \"" + alice + "\"}");

        problem(
                as(alice)
                        .post("/internal/v1/operations/dead-letters/media-events/replay")
                        .then(),
                403);
        problem(
                given().post("/internal/v1/operations/dead-letters/media-events/replay")
                        .then(),
                401);
        problem(
                Api.asOperator()
                        .post("/internal/v1/operations/dead-letters/no-such-channel/replay")
                        .then(),
                404);
        Api.asOperator()
                .get("/internal/v1/operations/dead-letters")
                .then()
                .statusCode(200)
                .body("channel", hasItem("media-events"))
                .body("find { it.channel == 'media-events' }.dead_letter_topic", equalTo(DLQ));

        // Replays everything waiting there (earlier tests' poison included): at least our three records.
        var first = Api.asOperator()
                .post("/internal/v1/operations/dead-letters/media-events/replay")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        as(alice).get("/api/v1/visions/" + vision).then().body("last_audio_generated_at", equalTo(at.toString()));
        assertEquals(
                1,
                RawSql.asSystem("select * from processed_events where event_id = '" + good + "'")
                        .size());
        long failedAgain = first.getLong("failed_again");

        // A second replay reads only what the first dead-lettered again, and fails it again.
        Api.asOperator()
                .post("/internal/v1/operations/dead-letters/media-events/replay")
                .then()
                .statusCode(200)
                .body("read", equalTo((int) failedAgain))
                .body("failed_again", equalTo((int) failedAgain));
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> Api.asOperator()
                        .get("/internal/v1/operations/dead-letters")
                        .then()
                        .body("find { it.channel == 'media-events' }.waiting", equalTo((int) failedAgain)));
    }
}
