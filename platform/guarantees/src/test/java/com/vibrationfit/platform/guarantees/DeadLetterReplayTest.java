package com.vibrationfit.platform.guarantees;

import static com.vibrationfit.platform.guarantees.Notes.LIKES_CHANNEL;
import static com.vibrationfit.platform.guarantees.Notes.LIKES_DLQ;
import static com.vibrationfit.platform.guarantees.Notes.as;
import static com.vibrationfit.platform.guarantees.Notes.liked;
import static com.vibrationfit.platform.guarantees.Notes.likes;
import static com.vibrationfit.platform.guarantees.Notes.write;
import static com.vibrationfit.platform.testing.Api.problem;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vibrationfit.platform.guarantees.notes.NoteEvents;
import com.vibrationfit.platform.testing.Api;
import com.vibrationfit.platform.testing.KafkaTopics;
import com.vibrationfit.platform.testing.RawSql;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An operator replays a dead-letter topic into its consumer: what can be applied is applied once (the inbox makes
 * duplicates harmless), what still cannot is dead-lettered again, and a second replay does not re-read what the
 * first one finished.
 */
@QuarkusTest
class DeadLetterReplayTest {

    private static final String REPLAY = "/internal/v1/operations/dead-letters/" + LIKES_CHANNEL + "/replay";

    @Test
    void shouldReplayTheDeadLetterTopicIntoItsConsumerOnce() {
        UUID alice = UUID.randomUUID();
        String note = write(alice, "dead-lettered like");
        // What a consumer does with a good event during an outage it gave up on: the event in the dead-letter topic
        // (twice, as a redelivery would), next to a record that can never be applied.
        UUID good = UUID.randomUUID();
        KafkaTopics.publish(LIKES_DLQ, good, NoteEvents.NOTE_LIKED, alice, liked(alice, note));
        KafkaTopics.publish(LIKES_DLQ, good, NoteEvents.NOTE_LIKED, alice, liked(alice, note));
        KafkaTopics.publishRaw(LIKES_DLQ, alice.toString(), "{\"not\": \"a cloud event\", \"for\": \"" + alice + "\"}");

        // Operators only.
        problem(as(alice).post(REPLAY).then(), 403);
        problem(given().post(REPLAY).then(), 401);
        problem(
                Api.asOperator()
                        .post("/internal/v1/operations/dead-letters/no-such-channel/replay")
                        .then(),
                404);
        Api.asOperator()
                .get("/internal/v1/operations/dead-letters")
                .then()
                .statusCode(200)
                .body("channel", hasItem(LIKES_CHANNEL))
                .body("find { it.channel == '" + LIKES_CHANNEL + "' }.topic", equalTo(NoteEvents.LIKES))
                .body("find { it.channel == '" + LIKES_CHANNEL + "' }.dead_letter_topic", equalTo(LIKES_DLQ));

        // Replays everything waiting there (other tests' poison included): at least our three records.
        var first =
                Api.asOperator().post(REPLAY).then().statusCode(200).extract().jsonPath();
        assertTrue(first.getLong("read") >= 3, "read " + first.getLong("read"));
        assertEquals(1, likes(alice, note), "applied once, though dead-lettered twice");
        assertEquals(
                1,
                RawSql.asSystem("select * from processed_events where event_id = '" + good + "'")
                        .size());
        long failedAgain = first.getLong("failed_again");
        assertTrue(failedAgain >= 1, "the poison record failed again");
        // Dead-lettered again, and counted: the signal of the "dead-letter topic receiving" alert.
        given().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(matchesPattern(
                        "(?s).*inbox_dead_letters_total\\{consumer=\"platform-guarantees\\.likes\"[^}]*} [1-9].*"));

        // A second replay reads only what the first dead-lettered again, and fails it again.
        Api.asOperator()
                .post(REPLAY)
                .then()
                .statusCode(200)
                .body("read", equalTo((int) failedAgain))
                .body("failed_again", equalTo((int) failedAgain));
        assertEquals(1, likes(alice, note));
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> Api.asOperator()
                        .get("/internal/v1/operations/dead-letters")
                        .then()
                        .body("find { it.channel == '" + LIKES_CHANNEL + "' }.waiting", equalTo((int) failedAgain)));
    }
}
