package com.vibrationfit.journal.media;

import static com.vibrationfit.platform.testing.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vibrationfit.platform.testing.UploadedMedia;
import com.vibrationfit.platform.testing.RawSql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    /** Sessions of the app role idle inside a transaction open for over 150 ms whose last query looked for media. */
    private static final String HELD_WHILE_WAITING = """
            select count(*) as held from pg_stat_activity
            where usename = current_user and pid <> pg_backend_pid() and state like 'idle in transaction%'
              and xact_start < clock_timestamp() - interval '150 milliseconds' and query like '%known_media%'""";

    @ConfigProperty(name = "vf.media.upload-wait")
    Duration wait;

    private final UUID alice = UUID.randomUUID();

    private record Observed(Response response, long millis, List<Long> held) {
    }

    /** Runs {@code write} in the background, samples pg_stat_activity until it answers, runs {@code midway} at 0.3 s. */
    private static Observed observe(Supplier<Response> write, Runnable midway) throws Exception {
        long start = System.nanoTime();
        CompletableFuture<Response> answer = CompletableFuture.supplyAsync(write);
        List<Long> held = new ArrayList<>();
        boolean midwayDone = false;
        while (!answer.isDone()) {
            held.add(((Number) RawSql.asUser(null, HELD_WHILE_WAITING).get(0).get("held")).longValue());
            if (!midwayDone && System.nanoTime() - start > 300_000_000L) {
                midway.run();
                midwayDone = true;
            }
            Thread.sleep(15);
        }
        return new Observed(answer.get(), (System.nanoTime() - start) / 1_000_000, held);
    }

    private static void assertWaitedWithoutHoldingATransaction(Observed observed) {
        assertTrue(observed.held().size() >= 5, "sampled " + observed.held().size() + " times");
        assertTrue(observed.held().stream().allMatch(n -> n == 0),
                "a transaction stayed open while the write waited: " + observed.held());
    }

    @Test
    void shouldWaitForAnUnknownUploadOutsideAnyTransactionOnCreate() throws Exception {
        String url = UploadedMedia.neverUploaded(alice);
        Observed observed = observe(() -> as(alice).body(Map.of("content", "x", "image_urls", List.of(url)))
                .post("/api/v1/journal/entries"), () -> { });
        assertEquals(400, observed.response().statusCode(), observed.response().asString());
        assertEquals("image_urls[0]", observed.response().path("errors[0].field"));
        assertTrue(observed.millis() >= wait.toMillis(), "answered after " + observed.millis() + " ms: did not wait");
        assertWaitedWithoutHoldingATransaction(observed);
    }

    @Test
    void shouldAppendARecordingConfirmedDuringTheWaitWithoutHoldingTheRowLock() throws Exception {
        String id = as(alice).body(Map.of("content", "Voice memo")).post("/api/v1/journal/entries")
                .then().statusCode(201).extract().path("id");
        String url = UploadedMedia.neverUploaded(alice);
        // The upload is projected 0.3 s into the wait, as a late media.object.uploaded would be.
        Observed observed = observe(() -> as(alice).body(Map.of("url", url, "type", "audio", "duration", 4.0))
                .post("/api/v1/journal/entries/" + id + "/recordings"), () -> RawSql.asSystem("""
                        insert into known_media (media_url, user_id, purpose, content_type, uploaded_at)
                        values ('%s', '%s', 'journal_audio', 'audio/webm', now())""".formatted(url, alice)));
        assertEquals(200, observed.response().statusCode(), observed.response().asString());
        assertEquals(url, observed.response().path("audio_recordings[0].url"));
        assertWaitedWithoutHoldingATransaction(observed);
    }
}
