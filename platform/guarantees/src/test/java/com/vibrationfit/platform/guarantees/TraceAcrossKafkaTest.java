package com.vibrationfit.platform.guarantees;

import static com.vibrationfit.platform.guarantees.Notes.liked;
import static com.vibrationfit.platform.guarantees.Notes.likes;
import static com.vibrationfit.platform.guarantees.Notes.write;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vibrationfit.platform.guarantees.notes.NoteEvents;
import com.vibrationfit.platform.testing.KafkaTopics;
import com.vibrationfit.platform.testing.OtlpReceiver.ReceivedSpan;
import com.vibrationfit.platform.testing.TracingOn;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * With tracing on, one trace follows a change across every hop: the request's span, the event's outbox row (its
 * traceparent), the Kafka record (the traceparent header) and the consumer's effect, exported over OTLP to a
 * receiver in this JVM. (Tracing is off in every other test boot, as locally: nothing recorded, nothing sent.)
 */
@QuarkusTest
@QuarkusTestResource(value = TracingOn.class, restrictToAnnotatedClass = true)
class TraceAcrossKafkaTest {

    private static final int SERVER = 2; // OTLP span kinds
    private static final int CONSUMER = 5;

    @Test
    void shouldCarryTheRequestsTraceThroughTheOutboxIntoTheKafkaRecord() {
        UUID alice = UUID.randomUUID();
        String note = write(alice, "a traced note");
        List<ConsumerRecord<String, String>> written = KafkaTopics.read(
                NoteEvents.NOTES, Duration.ofSeconds(15), r -> r.value().contains(note), 1);
        assertEquals(1, written.size());
        String traceParent = KafkaTopics.header(written.get(0), "traceparent");
        assertNotNull(traceParent, "the record carries the trace context of the request that caused it");
        String traceId = traceParent.split("-")[1];
        await().atMost(Duration.ofSeconds(15))
                .until(() -> TracingOn.receiver().trace(traceId).stream()
                        .anyMatch(s -> s.kind() == SERVER && s.name().contains("/api/v1/notes")));
    }

    @Test
    void shouldContinueTheProducersTraceInTheConsumersEffect() {
        UUID alice = UUID.randomUUID();
        String note = write(alice, "liked across services");
        String traceId = UUID.randomUUID().toString().replace("-", ""); // as another service's outbox sends it
        String parentSpan = "00f067aa0ba902b7";
        KafkaTopics.publish(
                NoteEvents.LIKES,
                UUID.randomUUID(),
                NoteEvents.NOTE_LIKED,
                alice,
                liked(alice, note),
                Instant.now(),
                Map.of("traceparent", "00-" + traceId + "-" + parentSpan + "-01"));
        await().atMost(Duration.ofSeconds(15)).until(() -> likes(alice, note) == 1);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> !TracingOn.receiver().trace(traceId).isEmpty());
        List<ReceivedSpan> trace = TracingOn.receiver().trace(traceId);
        ReceivedSpan effect = trace.stream()
                .filter(s -> s.kind() == CONSUMER && s.name().equals("platform-guarantees.likes note.liked"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no consumer span in " + trace));
        assertEquals(parentSpan, effect.parentSpanId(), "a child of the producer's span");
        assertEquals("platform-guarantees", effect.service());
        assertTrue(trace.stream().allMatch(s -> s.traceId().equals(traceId)));
    }
}
