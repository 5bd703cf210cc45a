package com.vibrationfit.platform.guarantees;

import static com.vibrationfit.platform.guarantees.Notes.as;
import static com.vibrationfit.platform.guarantees.Notes.write;
import static com.vibrationfit.platform.testing.Api.problem;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.vibrationfit.platform.guarantees.notes.NoteEvents;
import com.vibrationfit.platform.outbox.OutboxRelay;
import com.vibrationfit.platform.testing.Api;
import com.vibrationfit.platform.testing.KafkaTopics;
import com.vibrationfit.platform.testing.RawSql;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * One event Kafka can never take must not stop a service's events for everyone: a change whose event is too
 * large is refused when written, and an event that still fails for good is parked, not lost (counted, shown in
 * readiness, metrics and the operations endpoint, replayable by an operator) while everyone else's events flow;
 * the member's own later events wait behind it, in order. (The test application sets vf.outbox.max-event-bytes
 * to 200 kB.)
 */
@QuarkusTest
class UnpublishableEventTest {

    @Inject
    OutboxRelay relay;

    @Test
    void shouldRefuseAChangeWhoseEventWouldBeTooLarge() {
        UUID alice = UUID.randomUUID();
        String id = write(alice, "small");
        problem(
                        as(alice)
                                .body(Map.of("body", "x".repeat(250_000)))
                                .patch("/api/v1/notes/" + id)
                                .then(),
                        422)
                .body("errors.field", hasItem("body"))
                .body("detail", containsString("too large"));
        // Nothing was written: neither the change nor its event.
        as(alice).get("/api/v1/notes/" + id).then().statusCode(200).body("body", equalTo("small"));
        assertEquals(
                0,
                RawSql.asSystem("select * from outbox_events where event_key = '" + alice + "' and type = '"
                                + NoteEvents.NOTE_EDITED + "'")
                        .size());
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
                ('%s', '%s', '%s', 'test.big', 'platform-guarantees', '%s', jsonb_build_object('blob', repeat('x', 1200000))),
                ('%s', '%s', '%s', 'test.after', 'platform-guarantees', '%s', '{"n": 2}'::jsonb)
                returning seq""".formatted(big, NoteEvents.NOTES, carol, carol, after, NoteEvents.NOTES, carol, carol));
        relay.wakeUp();

        // Dave's events are published although carol's is stuck before them.
        write(dave, "flows past the parked event");
        assertEquals(
                1,
                KafkaTopics.readForUser(NoteEvents.NOTES, dave, Duration.ofSeconds(30), 1)
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

        // The operations endpoint shows it, to operators only.
        problem(as(carol).get("/internal/v1/operations/outbox").then(), 403);
        problem(given().get("/internal/v1/operations/outbox").then(), 401);
        Api.asOperator()
                .get("/internal/v1/operations/outbox")
                .then()
                .statusCode(200)
                .body("parked", greaterThanOrEqualTo(1))
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
                KafkaTopics.readForUser(NoteEvents.NOTES, carol, Duration.ofSeconds(30), 2);
        assertEquals(
                List.of("test.big", "test.after"),
                carols.stream().map(r -> KafkaTopics.header(r, "ce_type")).toList(),
                "carol's events arrive in their order");
    }
}
