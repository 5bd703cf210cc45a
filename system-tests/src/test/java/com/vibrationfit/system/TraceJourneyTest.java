package com.vibrationfit.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vibrationfit.platform.testing.OtlpReceiver;
import com.vibrationfit.platform.testing.OtlpReceiver.ReceivedSpan;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One trace from a member's request to the narration it causes, as an operator's collector sees it: the gateway,
 * vision-service and media-service restarted with tracing on (the production switch,
 * {@code QUARKUS_OTEL_SDK_DISABLED=false}), all exporting over OTLP to one collector in this JVM. Alice edits one
 * section of her complete vision; the trace of that request holds the gateway's span, vision-service's, the Kafka
 * consumer's effect in media-service and the synthesis of exactly that section, as one tree. The services are
 * restarted as ./vf runs them (tracing off) afterwards.
 */
@ExtendWith(PlatformUnderTest.class)
class TraceJourneyTest {

    private static final List<String> TRACED = List.of("vision-service", "media-service", "gateway");
    private static final List<String> SECTIONS = VisionSections.ALL;
    private static final int SERVER = 2; // OTLP span kinds
    private static final int CONSUMER = 5;
    private static OtlpReceiver collector;

    @BeforeAll
    static void traceThePathToTheNarration() throws Exception {
        collector = OtlpReceiver.start();
        PlatformUnderTest.restartTogether(
                TRACED,
                "QUARKUS_OTEL_SDK_DISABLED=false",
                "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT=" + collector.endpoint(),
                "QUARKUS_OTEL_BSP_SCHEDULE_DELAY=100ms");
    }

    @AfterAll
    static void backToUntraced() throws Exception {
        try {
            PlatformUnderTest.restartTogether(TRACED);
        } finally {
            collector.close();
        }
    }

    private static RequestSpecification alice() {
        return given().auth().oauth2(Keycloak.token("alice")).contentType(ContentType.JSON);
    }

    private static JsonPath audio(String vision) {
        return alice().get("/api/v1/media/visions/" + vision + "/audio")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void oneTraceRunsFromTheEditThroughKafkaToTheNarrationOfTheChangedSection() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String vision = alice().body(Map.of("title", "Traced " + run))
                .post("/api/v1/visions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Map<String, Object> sections = new LinkedHashMap<>();
        for (String key : SECTIONS) {
            sections.put(key, "In " + key + " I am at ease. Trace " + run + ".");
        }
        alice().body(sections).patch("/api/v1/visions/" + vision).then().statusCode(200);
        alice().post("/api/v1/visions/" + vision + "/complete").then().statusCode(200);
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> alice().get("/api/v1/media/visions/" + vision + "/audio")
                        .then()
                        .body("tracks.findAll { it.status == 'completed' }", hasSize(14)));
        String healthBefore = audio(vision).getString("tracks.find { it.section_key == 'health' }.id");

        // The edit, in a trace the test starts (as a browser's instrumentation would): the gateway continues it.
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String root = HexFormat.of().formatHex(randomBytes(8));
        alice().header("traceparent", "00-" + traceId + "-" + root + "-01")
                .body(Map.of("health", "I am strong, rested and light. Trace " + run + "."))
                .patch("/api/v1/visions/" + vision)
                .then()
                .statusCode(200);
        String[] health = new String[1];
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(300))
                .untilAsserted(() -> {
                    JsonPath now = audio(vision);
                    assertEquals("completed", now.getString("tracks.find { it.section_key == 'health' }.status"));
                    health[0] = now.getString("tracks.find { it.section_key == 'health' }.id");
                    assertTrue(!health[0].equals(healthBefore), "the health section is narrated again");
                });

        String narration = "narrate " + health[0];
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() ->
                        collector.trace(traceId).stream().anyMatch(s -> s.name().equals(narration)));
        List<ReceivedSpan> trace = collector.trace(traceId);
        String described = trace.stream()
                .map(s -> s.service() + ": " + s.name() + " (kind " + s.kind() + ")")
                .collect(Collectors.joining("\n  ", "\n  ", ""));

        assertTrue(has(trace, "gateway", SERVER, "PATCH"), "the gateway's request span" + described);
        assertTrue(has(trace, "vision-service", SERVER, "/api/v1/visions"), "vision-service's span" + described);
        assertTrue(
                has(trace, "media-service", CONSUMER, "vision.updated"),
                "media-service's consumer span for the event" + described);
        // Exactly the changed section was synthesised in this trace.
        assertEquals(
                List.of(narration),
                trace.stream()
                        .filter(s -> s.name().startsWith("narrate "))
                        .map(ReceivedSpan::name)
                        .toList(),
                described);
        // One tree: every span's parent is the test's root or another span of the trace.
        Set<String> ids = trace.stream().map(ReceivedSpan::spanId).collect(Collectors.toSet());
        for (ReceivedSpan span : trace) {
            assertTrue(
                    span.parentSpanId().equals(root) || ids.contains(span.parentSpanId()),
                    span.service() + ": " + span.name() + " hangs off no span of the trace" + described);
        }
    }

    private static boolean has(List<ReceivedSpan> trace, String service, int kind, String nameContains) {
        return trace.stream()
                .anyMatch(s -> s.service().equals(service)
                        && s.kind() == kind
                        && s.name().contains(nameContains));
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        ThreadLocalRandom.current().nextBytes(bytes);
        bytes[0] |= 1; // never all zeros (an invalid id)
        return bytes;
    }
}
