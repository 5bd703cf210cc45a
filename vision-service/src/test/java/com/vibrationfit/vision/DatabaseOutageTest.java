package com.vibrationfit.vision;

import static com.vibrationfit.vision.Fixtures.as;
import static com.vibrationfit.vision.Fixtures.audioCompleted;
import static com.vibrationfit.vision.Fixtures.completeVision;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vibrationfit.events.Topics;
import com.vibrationfit.platform.testing.KafkaTopics;
import com.vibrationfit.platform.testing.PostgresCluster;
import com.vibrationfit.platform.testing.RawSql;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL restarts while members send requests and events arrive: requests during the outage get a
 * 503 (never a transaction stuck on a worker thread), readiness is DOWN while the database is away, every
 * worker thread serves normally soon after it is back, and every event consumed during the outage is
 * applied exactly once afterwards, none dead-lettered.
 */
@QuarkusTest
class DatabaseOutageTest {

    private static final Duration OUTAGE = Duration.ofSeconds(30);

    private final UUID alice = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();

    @Test
    void shouldRecoverEveryThreadAndApplyEveryEventOnceAfterADatabaseRestart() throws Exception {
        List<String> visions = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            visions.add(completeVision(alice, "outage " + i));
        }
        completeVision(bob, "bob before the outage");

        AtomicBoolean traffic = new AtomicBoolean(true);
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        ExecutorService members = Executors.newFixedThreadPool(12);
        List<Future<?>> load = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            int n = i;
            load.add(members.submit(() -> {
                while (traffic.get()) {
                    int status = n % 3 == 0
                            ? as(alice)
                                    .body(Map.of("fun", "edit " + System.nanoTime()))
                                    .patch("/api/v1/visions/" + visions.get(0))
                                    .statusCode()
                            : as(alice).get("/api/v1/visions?limit=5").statusCode();
                    statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                }
            }));
        }

        List<UUID> events = new ArrayList<>();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        UUID deletion;
        Thread.sleep(500);
        PostgresCluster.stop();
        try {
            // Consumption during the outage: three tracks for alice, and bob's account deletion.
            for (String vision : visions) {
                events.add(KafkaTopics.publish(
                        Topics.MEDIA,
                        UUID.randomUUID(),
                        "audio.track.completed",
                        alice,
                        audioCompleted(alice, vision, at)));
            }
            deletion = KafkaTopics.publishUserDeleted(bob);
            await().atMost(Duration.ofSeconds(15))
                    .untilAsserted(() -> given().get("/q/health/ready").then().statusCode(503));
            Thread.sleep(OUTAGE.toMillis() - 5_000);
        } finally {
            PostgresCluster.start();
        }
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
        traffic.set(false);
        for (Future<?> f : load) {
            f.get(30, TimeUnit.SECONDS);
        }
        members.shutdown();
        assertTrue(
                statuses.keySet().stream().allMatch(s -> s == 200 || s == 503),
                "during the outage requests get 200 or 503, never a 500: " + statuses);

        // Every worker thread of the service now serves: many concurrent rounds, wider than the pool grew.
        long workers = Thread.getAllStackTraces().keySet().stream()
                .filter(t ->
                        t.getName().startsWith("executor-thread") || t.getName().startsWith("vert.x-worker-thread"))
                .count();
        int width = (int) Math.max(48, workers + 8);
        ExecutorService burst = Executors.newFixedThreadPool(width);
        try {
            // The first requests may still meet a connection that died with the old server: wait for one success.
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> as(alice).get("/api/v1/visions?limit=5").statusCode() == 200);
            Map<Integer, AtomicInteger> after = new ConcurrentHashMap<>();
            for (int round = 0; round < 4; round++) {
                List<Future<?>> requests = new ArrayList<>();
                for (int i = 0; i < width; i++) {
                    requests.add(burst.submit(() -> after.computeIfAbsent(
                                    as(alice)
                                            .get("/api/v1/visions/" + visions.get(1))
                                            .statusCode(),
                                    s -> new AtomicInteger())
                            .incrementAndGet()));
                }
                for (Future<?> r : requests) {
                    r.get(60, TimeUnit.SECONDS);
                }
            }
            assertEquals(Map.of(200, 4 * width), toCounts(after), "every request after the restart succeeds");
        } finally {
            burst.shutdown();
        }

        // Every event consumed during the outage is applied once, none dead-lettered.
        for (String vision : visions) {
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> as(alice)
                            .get("/api/v1/visions/" + vision)
                            .then()
                            .statusCode(200)
                            .body("last_audio_generated_at", notNullValue()));
        }
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertEquals(
                        0,
                        RawSql.asSystem("select * from vision_versions where user_id = '" + bob + "'")
                                .size()));
        for (UUID event : events) {
            assertEquals(
                    1,
                    RawSql.asSystem("select * from processed_events where event_id = '" + event + "'")
                            .size());
        }
        assertEquals(
                1,
                RawSql.asSystem("select * from processed_events where event_id = '" + deletion + "'")
                        .size());
        assertEquals(
                0,
                KafkaTopics.read(
                                Topics.deadLetter(Topics.MEDIA, "vision-service"),
                                Duration.ofSeconds(3),
                                r -> r.value() != null && r.value().contains(visions.get(0)),
                                1)
                        .size(),
                "nothing dead-lettered");
        assertEquals(
                0,
                KafkaTopics.read(
                                Topics.deadLetter(Topics.IDENTITY, "vision-service"),
                                Duration.ofSeconds(3),
                                r -> r.value() != null && r.value().contains(bob.toString()),
                                1)
                        .size(),
                "nothing dead-lettered");
    }

    private static Map<Integer, Integer> toCounts(Map<Integer, AtomicInteger> counts) {
        Map<Integer, Integer> plain = new TreeMap<>();
        counts.forEach((k, v) -> plain.put(k, v.get()));
        return plain;
    }
}
