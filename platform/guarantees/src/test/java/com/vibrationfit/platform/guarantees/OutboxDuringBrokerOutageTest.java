package com.vibrationfit.platform.guarantees;

import static com.vibrationfit.platform.guarantees.Notes.as;
import static com.vibrationfit.platform.guarantees.Notes.write;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vibrationfit.platform.guarantees.notes.NoteEvents;
import com.vibrationfit.platform.outbox.OutboxRelay;
import com.vibrationfit.platform.testing.KafkaTopics;
import com.vibrationfit.platform.testing.PlatformTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Members keep writing while Kafka is down (the real test broker, stopped): the writes commit, their events wait
 * in the outbox (counted in readiness, which stays UP) and arrive in their order once the broker is back.
 */
@QuarkusTest
class OutboxDuringBrokerOutageTest {

    @Inject
    OutboxRelay relay;

    @Test
    void shouldDeliverEventsWrittenWhileTheBrokerWasDownInOrder() {
        UUID alice = UUID.randomUUID();
        String id = write(alice, "before the outage");
        await().atMost(Duration.ofSeconds(15)).until(() -> relay.pending() == 0);

        PlatformTestResource.kafka().stop();
        try {
            for (int i = 1; i <= 3; i++) {
                as(alice)
                        .body(Map.of("body", "edit " + i + " while Kafka is down"))
                        .patch("/api/v1/notes/" + id)
                        .then()
                        .statusCode(200);
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> relay.pending() >= 3);
            given().get("/q/health/ready")
                    .then()
                    .statusCode(200)
                    .body("checks.find { it.name == 'outbox' }.data.pending", equalTo((int) relay.pending()));
        } finally {
            PlatformTestResource.kafka().start();
        }

        List<ConsumerRecord<String, String>> edits = KafkaTopics.read(
                NoteEvents.NOTES,
                Duration.ofSeconds(60),
                r -> alice.toString().equals(KafkaTopics.header(r, "ce_subject"))
                        && NoteEvents.NOTE_EDITED.equals(KafkaTopics.header(r, "ce_type")),
                3);
        assertEquals(3, edits.size());
        for (int i = 0; i < 3; i++) {
            assertTrue(edits.get(i).value().contains("edit " + (i + 1) + " while Kafka is down"), "in order");
            assertEquals(alice.toString(), edits.get(i).key(), "keyed by the member");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> relay.pending() == 0);
    }
}
