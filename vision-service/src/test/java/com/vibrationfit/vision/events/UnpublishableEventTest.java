package com.vibrationfit.vision.events;

import static com.vibrationfit.vision.Fixtures.as;
import static com.vibrationfit.vision.Fixtures.createVision;
import static com.vibrationfit.vision.Fixtures.problem;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.vibrationfit.events.Topics;
import com.vibrationfit.platform.outbox.OutboxRelay;
import com.vibrationfit.platform.testing.Api;
import com.vibrationfit.platform.testing.KafkaTopics;
import com.vibrationfit.platform.testing.RawSql;
import com.vibrationfit.vision.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * One event Kafka can never take must not stop a service's events for everyone: a change whose event is
 * too large is refused when written, and an event that still fails for good is parked (counted, shown in
 * readiness and metrics, replayable by an operator) while everyone else's events flow; the member's own
 * later events wait behind it, in order. (This module's tests set vf.outbox.max-event-bytes to 200 kB.)
 */
@QuarkusTest
class UnpublishableEventTest {

    @Inject
    OutboxRelay relay;

    @Test
    void shouldRefuseAChangeWhoseEventWouldBeTooLarge() {
        UUID alice = UUID.randomUUID();
        String id = createVision(alice, "too large");
        Map<String, Object> huge = new LinkedHashMap<>();
        huge.put("forward", "x".repeat(20_000));
        for (String category : Fixtures.CATEGORIES) {
            huge.put(category, "\"quoted\" ".repeat(2_000)); // 18k characters, 22k bytes once escaped
        }
        problem(as(alice).body(huge).patch("/api/v1/visions/" + id).then(), 422)
                .body("errors.field", hasItem("sections"))
                .body("detail", containsString("too large"));
        // Nothing was written.
        as(alice).get("/api/v1/visions/" + id).then().statusCode(200).body("fun", equalTo(""));
    }

    @Test
    void shouldParkAnUnpublishableEventAndKeepEveryoneElsesFlowing() {
        UUID carol = UUID.randomUUID();
        UUID dave = UUID.randomUUID();
        // An event over the producer's request limit (as a larger limit in an older version could have let in).
        UUID big = UUID.randomUUID();
        UUID after = UUID.randomUUID();
        RawSql.asSystem("""
                insert into outbox_events (id, topic, event_key, type, source, subject, payload) values
                ('%s', 'vision.events', '%s', 'test.big', 'vision-service', '%s', jsonb_build_object('blob', repeat('x', 1200000))),
                ('%s', 'vision.events', '%s', 'test.after', 'vision-service', '%s', '{"n": 2}'::jsonb)
                returning seq""".formatted(big, carol, carol, after, carol, carol));
        relay.wakeUp();

        // Dave's events are published although carol's is stuck before them.
        createVision(dave, "flows past the parked event");
        assertEquals(
                1,
                KafkaTopics.readForUser(Topics.VISION, dave, Duration.ofSeconds(30), 1)
                        .size());
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertEquals(
                        1,
                        RawSql.asSystem("select * from outbox_events where id = '" + big
                                        + "' and parked_at is not null")
                                .size()));
        // Carol's later event waits behind her parked one.
        assertEquals(
                1,
                RawSql.asSystem("select * from outbox_events where id = '" + after + "' and sent_at is null")
                        .size());

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> given().get("/q/health/ready")
                        .then()
                        .statusCode(200)
                        .body("checks.find { it.name == 'outbox' }.data.parked", greaterThanOrEqualTo(1)));
        given().get("/q/metrics").then().statusCode(200).body(containsString("outbox_parked "));
        given().get("/q/metrics").then().body(containsString("outbox_parked_events_total"));

        // Operators only.
        problem(as(carol).get("/internal/v1/operations/outbox").then(), 403);
        problem(given().get("/internal/v1/operations/outbox").then(), 401);
        Api.asOperator()
                .get("/internal/v1/operations/outbox")
                .then()
                .statusCode(200)
                .body("events.id", hasItem(big.toString()))
                .body("events.find { it.id == '" + big + "' }.park_reason", containsString("RecordTooLarge"))
                .body("events.find { it.id == '" + big + "' }.held_behind", equalTo(1));

        // Replayed unchanged, it is parked again; fixed (here: made smaller), it goes out, and carol's next follows.
        Api.asOperator()
                .post("/internal/v1/operations/outbox/parked/replay?id=" + big)
                .then()
                .statusCode(200)
                .body("released", equalTo(1));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertEquals(
                        1,
                        RawSql.asSystem("select * from outbox_events where id = '" + big
                                        + "' and parked_at is not null and attempts >= 2")
                                .size()));
        RawSql.asSystem("update outbox_events set payload = '{\"blob\": \"shortened by the operator\"}' where id = '"
                + big + "'");
        Api.asOperator()
                .post("/internal/v1/operations/outbox/parked/replay")
                .then()
                .statusCode(200)
                .body("released", greaterThanOrEqualTo(1));
        List<ConsumerRecord<String, String>> carols =
                KafkaTopics.readForUser(Topics.VISION, carol, Duration.ofSeconds(30), 2);
        assertEquals(
                List.of("test.big", "test.after"),
                carols.stream().map(r -> KafkaTopics.header(r, "ce_type")).toList(),
                "carol's events arrive in their order");
    }
}
