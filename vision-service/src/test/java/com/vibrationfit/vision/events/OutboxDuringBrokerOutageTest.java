package com.vibrationfit.vision.events;

import static com.vibrationfit.vision.Fixtures.as;
import static com.vibrationfit.vision.Fixtures.createVision;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vibrationfit.events.Topics;
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

/** Members keep writing while Kafka is down; their events wait in the outbox and arrive once it is back. */
@QuarkusTest
class OutboxDuringBrokerOutageTest {

    @Inject
    OutboxRelay relay;

    @Test
    void shouldDeliverEventsWrittenWhileTheBrokerWasDown() {
        UUID alice = UUID.randomUUID();
        String id = createVision(alice, "before the outage");
        await().atMost(Duration.ofSeconds(15)).until(() -> relay.pending() == 0);

        PlatformTestResource.kafka().stop();
        try {
            for (int i = 1; i <= 3; i++) {
                as(alice)
                        .body(Map.of("fun", "edit " + i + " while Kafka is down"))
                        .patch("/api/v1/visions/" + id)
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

        List<ConsumerRecord<String, String>> updates = KafkaTopics.read(
                Topics.VISION,
                Duration.ofSeconds(60),
                r -> alice.toString().equals(KafkaTopics.header(r, "ce_subject"))
                        && "vision.updated".equals(KafkaTopics.header(r, "ce_type")),
                3);
        assertEquals(3, updates.size());
        for (int i = 0; i < 3; i++) {
            assertTrue(updates.get(i).value().contains("edit " + (i + 1) + " while Kafka is down"), "in order");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> relay.pending() == 0);
    }
}
