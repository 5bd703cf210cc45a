package com.vibrationfit.journal.entry;

import static com.vibrationfit.platform.testing.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vibrationfit.platform.testing.RawSql;
import com.vibrationfit.platform.testing.TestTokens;
import com.vibrationfit.platform.testing.UploadedMedia;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A write that names an upload not projected yet waits for it (vf.media.upload-wait, 0.5 s in tests)
 * without holding a database connection or row lock: no session of the app role sits in a transaction
 * that has lasted longer than a poll while the write waits. Before, the wait ran inside the write's
 * transaction (after the entry's row lock, for edits and appends): one such session for the whole wait.
 */
@QuarkusTest
class MediaWaitTest {

    /**
     * Sessions of the app role idle inside a transaction open for over 300 ms whose last query looked for media (a
     * transaction held across the wait is older than that before the wait ends; shorter ones are the write itself on
     * a busy machine).
     */
    private static final String HELD_WHILE_WAITING = """
            select count(*) as held from pg_stat_activity
            where usename = current_user and pid <> pg_backend_pid() and state like 'idle in transaction%'
              and xact_start < clock_timestamp() - interval '300 milliseconds' and query like '%known_media%'""";

    @ConfigProperty(name = "vf.media.upload-wait")
    Duration wait;

    private final UUID alice = UUID.randomUUID();

    private record Observed(Response response, long millis, List<Long> held) {}

    /** Runs {@code write} in the background, samples pg_stat_activity until it answers, runs {@code midway} at 0.4 s. */
    private static Observed observe(Supplier<Response> write, Runnable midway) throws Exception {
        long start = System.nanoTime();
        CompletableFuture<Response> answer = CompletableFuture.supplyAsync(write);
        List<Long> held = new ArrayList<>();
        boolean midwayDone = false;
        while (!answer.isDone()) {
            if (System.nanoTime() - start < 450_000_000L) {
                // Only while the write must still be waiting (0.5 s): what follows is the write's own transaction.
                held.add(
                        ((Number) RawSql.asUser(null, HELD_WHILE_WAITING).get(0).get("held")).longValue());
            }
            if (!midwayDone && System.nanoTime() - start > 400_000_000L) {
                midway.run();
                midwayDone = true;
            }
            Thread.sleep(15);
        }
        return new Observed(answer.get(), (System.nanoTime() - start) / 1_000_000, held);
    }

    private static void assertWaitedWithoutHoldingATransaction(Observed observed) {
        assertTrue(observed.held().size() >= 5, "sampled " + observed.held().size() + " times");
        assertTrue(
                observed.held().stream().allMatch(n -> n == 0),
                "a transaction stayed open while the write waited: " + observed.held());
    }

    @Test
    void shouldWaitForAnUnknownUploadOutsideAnyTransactionOnCreate() throws Exception {
        String url = UploadedMedia.neverUploaded(alice);
        Observed observed = observe(
                () -> as(alice)
                        .body(Map.of("content", "x", "image_urls", List.of(url)))
                        .post("/api/v1/journal/entries"),
                () -> {});
        assertEquals(400, observed.response().statusCode(), observed.response().asString());
        assertEquals("image_urls[0]", observed.response().path("errors[0].field"));
        assertTrue(observed.millis() >= wait.toMillis(), "answered after " + observed.millis() + " ms: did not wait");
        assertWaitedWithoutHoldingATransaction(observed);
    }

    @Test
    void shouldAppendARecordingConfirmedDuringTheWaitWithoutHoldingTheRowLock() throws Exception {
        String id = as(alice)
                .body(Map.of("content", "Voice memo"))
                .post("/api/v1/journal/entries")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String url = UploadedMedia.neverUploaded(alice);
        // The upload is projected 0.4 s into the wait, as a late media.object.uploaded would be.
        Observed observed = observe(
                () -> as(alice)
                        .body(Map.of("url", url, "type", "audio", "duration", 4.0))
                        .post("/api/v1/journal/entries/" + id + "/recordings"),
                () -> RawSql.asSystem("""
                        insert into known_media (media_url, user_id, purpose, content_type, uploaded_at)
                        values ('%s', '%s', 'journal_audio', 'audio/webm', now())""".formatted(url, alice)));
        assertEquals(200, observed.response().statusCode(), observed.response().asString());
        assertEquals(url, observed.response().path("audio_recordings[0].url"));
        assertWaitedWithoutHoldingATransaction(observed);
    }

    /**
     * One member sends 100 requests a second naming uploads that never come: at most two of them wait at once (the
     * rest are refused at once with a retryable 429), so they cannot pin the worker threads, and another member's
     * writes keep their normal latency meanwhile.
     */
    @Test
    void shouldNotLetOneMemberPinWorkersWaitingForUploads() throws Exception {
        UUID mallory = UUID.randomUUID();
        HttpClient client = HttpClient.newHttpClient();
        String token = TestTokens.forUser(mallory);
        List<CompletableFuture<HttpResponse<String>>> flood = new ArrayList<>();
        List<Long> aliceMillis = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < 300; i++) {
            String body = "{\"content\":\"x\",\"image_urls\":[\"" + UploadedMedia.neverUploaded(mallory) + "\"]}";
            flood.add(client.sendAsync(
                    HttpRequest.newBuilder(
                                    URI.create("http://localhost:" + RestAssured.port + "/api/v1/journal/entries"))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString()));
            if (i % 10 == 5) {
                long before = System.nanoTime();
                as(alice)
                        .body(Map.of("content", "An ordinary entry " + i))
                        .post("/api/v1/journal/entries")
                        .then()
                        .statusCode(201);
                aliceMillis.add((System.nanoTime() - before) / 1_000_000);
            }
            long due = start + (i + 1) * 10_000_000L; // 100 a second
            long sleep = due - System.nanoTime();
            if (sleep > 0) {
                Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
            }
        }
        Map<Integer, Long> statuses = new TreeMap<>();
        for (var answer : flood) {
            statuses.merge(answer.get().statusCode(), 1L, Long::sum);
        }
        long floodMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(
                Set.of(400, 429), statuses.keySet(), "waited (400: still unknown) or refused at once: " + statuses);
        // Two waits at a time, each as long as the wait: about 2 * (duration / wait) answered after waiting, of 300.
        assertTrue(
                statuses.get(400) <= 2 * (floodMillis / wait.toMillis() + 2),
                "at most two wait at a time: " + statuses + " in " + floodMillis + " ms");
        var refused = flood.stream()
                .map(CompletableFuture::join)
                .filter(r -> r.statusCode() == 429)
                .findFirst()
                .orElseThrow();
        assertEquals("1", refused.headers().firstValue("Retry-After").orElse(null));
        aliceMillis.sort(null);
        assertTrue(
                aliceMillis.get(aliceMillis.size() - 1) < 1_000, "another member's writes stay fast: " + aliceMillis);
    }
}
