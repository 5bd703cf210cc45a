package com.vibrationfit.platform.guarantees;

import static com.vibrationfit.platform.guarantees.Notes.like;
import static com.vibrationfit.platform.guarantees.Notes.likes;
import static com.vibrationfit.platform.guarantees.Notes.write;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.vibrationfit.platform.guarantees.notes.NoteEvents;
import com.vibrationfit.platform.testing.KafkaTopics;
import com.vibrationfit.platform.testing.RawSql;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The inbox applies each event at most once: a redelivered event (same CloudEvents id) changes nothing, even
 * for an effect that is not idempotent itself (a like counts one up). Poison goes to the dead-letter topic at
 * once, and the consumer carries on behind it.
 */
@QuarkusTest
class RedeliveredEventTest {

    private final UUID alice = UUID.randomUUID();

    @Test
    void shouldApplyARedeliveredEventOnce() {
        String note = write(alice, "liked once, delivered twice");
        UUID event = like(alice, note, UUID.randomUUID());
        like(alice, note, event); // the same event again, as Kafka redelivers one whose offset was not committed
        // A marker behind both on the same partition (same key): once it is applied, both were seen.
        String marker = write(alice, "marker");
        like(alice, marker);
        await().atMost(Duration.ofSeconds(20)).until(() -> likes(alice, marker) == 1);

        assertEquals(1, likes(alice, note), "the redelivery changed nothing");
        assertEquals(
                1,
                RawSql.asSystem("select * from processed_events where event_id = '" + event + "'")
                        .size());
    }

    @Test
    void shouldSendPoisonToTheDeadLetterTopicAtOnceAndCarryOn() {
        String marker = "poison-" + UUID.randomUUID();
        KafkaTopics.publishRaw(
                NoteEvents.LIKES, alice.toString(), "{\"not\":\"a cloud event\",\"marker\":\"" + marker + "\"}");
        KafkaTopics.publish(
                NoteEvents.LIKES,
                UUID.randomUUID(),
                NoteEvents.NOTE_LIKED,
                alice,
                "{\"note_id\": 12, \"marker\":\"" + marker + "\"}");
        var dead = KafkaTopics.read(
                Notes.LIKES_DLQ,
                Duration.ofSeconds(30),
                r -> r.value() != null && r.value().contains(marker),
                2);
        assertEquals(2, dead.size());

        String note = write(alice, "after poison");
        like(alice, note);
        await().atMost(Duration.ofSeconds(20)).until(() -> likes(alice, note) == 1);
    }
}
