package com.vibrationfit.platform.guarantees;

import static com.vibrationfit.platform.guarantees.Notes.as;
import static com.vibrationfit.platform.guarantees.Notes.like;
import static com.vibrationfit.platform.guarantees.Notes.likes;
import static com.vibrationfit.platform.guarantees.Notes.write;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vibrationfit.events.Topics;
import com.vibrationfit.platform.testing.KafkaTopics;
import com.vibrationfit.platform.testing.OwnPostgres;
import com.vibrationfit.platform.testing.PostgresCluster;
import com.vibrationfit.platform.testing.RawSql;
import com.vibrationfit.platform.testing.StopsPostgres;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
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
 * PostgreSQL (a real cluster of this test's own, {@link OwnPostgres}, stopped and started again in a {@code finally})
 * restarts while members send requests and events arrive: requests during the outage get a 503 (never a 500,
 * never a transaction stuck on a worker thread), readiness is DOWN while the database is away, every worker thread
 * serves normally soon after it is back, and every event consumed during the outage (the test application's
 * likes and a member's deletion) is retried as a transient failure and applied exactly once afterwards, none
 * dead-lettered.
 */
@QuarkusTest
@StopsPostgres
@QuarkusTestResource(
        value = OwnPostgres.class,
        restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = OwnPostgres.ROLES, value = "platform"))
class DatabaseOutageTest {

    private static final Duration OUTAGE = Duration.ofSeconds(30);

    private final UUID alice = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();

    @Test
    void shouldRecoverEveryThreadAndApplyEveryEventOnceAfterADatabaseRestart() throws Exception {
        String edited = write(alice, "edited throughout");
        String read = write(alice, "read after the restart");
        String liked = write(alice, "liked during the outage");
        write(bob, "bob before the outage");

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
                                    .body(Map.of("body", "edit " + System.nanoTime()))
                                    .patch("/api/v1/notes/" + edited)
                                    .statusCode()
                            : as(alice).get("/api/v1/notes/" + read).statusCode();
                    statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                }
            }));
        }

        List<UUID> events = new ArrayList<>();
        UUID deletion;
        Thread.sleep(500);
        PostgresCluster.stop();
        try {
            // Consumption during the outage: three likes of alice's note, and bob's account deletion.
            for (int i = 0; i < 3; i++) {
                events.add(like(alice, liked));
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
        assertTrue(statuses.containsKey(503), "the outage was seen by the requests: " + statuses);

        // Every worker thread of the application now serves: many concurrent rounds, wider than the pool grew.
        long workers = Thread.getAllStackTraces().keySet().stream()
                .filter(t ->
                        t.getName().startsWith("executor-thread") || t.getName().startsWith("vert.x-worker-thread"))
                .count();
        int width = (int) Math.max(48, workers + 8);
        ExecutorService burst = Executors.newFixedThreadPool(width);
        try {
            // The first requests may still meet a connection that died with the old server: wait for one success.
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> as(alice).get("/api/v1/notes/" + read).statusCode() == 200);
            Map<Integer, AtomicInteger> after = new ConcurrentHashMap<>();
            for (int round = 0; round < 4; round++) {
                List<Future<?>> requests = new ArrayList<>();
                for (int i = 0; i < width; i++) {
                    requests.add(burst.submit(() -> after.computeIfAbsent(
                                    as(alice).get("/api/v1/notes/" + read).statusCode(), s -> new AtomicInteger())
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

        // Every event consumed during the outage is applied once (a like counts one up), none dead-lettered.
        await().atMost(Duration.ofSeconds(60)).until(() -> likes(alice, liked) >= 3);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertEquals(
                        0,
                        RawSql.asSystem("select * from notes where user_id = '" + bob + "'")
                                .size()));
        assertEquals(3, likes(alice, liked), "each like applied exactly once");
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
                                Notes.LIKES_DLQ,
                                Duration.ofSeconds(3),
                                r -> r.value() != null && r.value().contains(liked),
                                1)
                        .size(),
                "nothing dead-lettered");
        assertEquals(
                0,
                KafkaTopics.read(
                                Topics.deadLetter(Topics.IDENTITY, "platform-guarantees"),
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
