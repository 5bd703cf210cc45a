package com.vibrationfit.journal.events;

import static com.vibrationfit.platform.testing.Api.as;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vibrationfit.events.Topics;
import com.vibrationfit.platform.testing.ExportParts;
import com.vibrationfit.platform.testing.KafkaTopics;
import com.vibrationfit.platform.testing.S3TestResource;
import com.vibrationfit.platform.testing.S3TestServer;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * One event cannot block its partition silently: while the real S3 server is stopped, writing an export part fails
 * transiently on every attempt; after vf.inbox.transient-retry-limit (3 s in tests) the event goes to the
 * consumer's dead-letter topic (to be replayed once S3 is back), the retries are counted on a metric an operator
 * alerts on, and the next event of the partition is applied.
 */
@QuarkusTest
class TransientRetryLimitTest {

    private static final Pattern TRANSIENT_RETRIES = Pattern.compile(
            "inbox_retries_total\\{[^}]*consumer=\"journal-service.identity-events\"[^}]*failure=\"transient\"[^}]*} ([0-9.E]+)");

    private final UUID alice = UUID.randomUUID();

    @Test
    void shouldDeadLetterAnEventWhoseFailureOutlastsTheLimitAndMoveOn() {
        as(alice)
                .body(Map.of("content", "An entry to export."))
                .post("/api/v1/journal/entries")
                .then()
                .statusCode(201);
        double before = transientRetries();
        S3TestServer storage = S3TestResource.server();
        storage.stop();
        UUID exportId;
        try {
            exportId = ExportParts.request(alice);
            var dead = KafkaTopics.read(
                    Topics.deadLetter(Topics.IDENTITY, "journal-service"),
                    Duration.ofSeconds(30),
                    r -> alice.toString().equals(r.key()),
                    1);
            assertEquals(1, dead.size());
            assertTrue(
                    dead.get(0).value().contains(exportId.toString()),
                    dead.get(0).value());
        } finally {
            storage.start();
        }
        assertTrue(transientRetries() > before, "the retries are counted");

        // The partition moved on: the member's next event is applied.
        UUID next = ExportParts.request(alice);
        var announced = KafkaTopics.read(
                Topics.EXPORT_PARTS,
                Duration.ofSeconds(30),
                r -> r.value().contains(next.toString())
                        && "user.export.part.ready".equals(KafkaTopics.header(r, "ce_type")),
                1);
        assertEquals(1, announced.size());
    }

    private static double transientRetries() {
        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher matcher = TRANSIENT_RETRIES.matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
