package com.vibrationfit.media.narration;

import static com.vibrationfit.platform.testing.Api.as;
import static com.vibrationfit.platform.testing.Api.problem;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vibrationfit.media.ElevenLabsStub;
import com.vibrationfit.media.VisionEventsFixture;
import com.vibrationfit.media.objects.StorageConfig;
import com.vibrationfit.platform.security.SystemContext;
import com.vibrationfit.platform.testing.RawSql;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/** Narration on demand is bounded: no synthesis for nothing, a per-member rate, one worker per job. */
@QuarkusTest
class NarrationBoundsTest {

    @Inject
    NarrationRepository tracks;

    @Inject
    S3Client s3;

    @Inject
    StorageConfig storage;

    private final UUID member = UUID.randomUUID();
    private final UUID vision = UUID.randomUUID();
    private final String marker = "b" + UUID.randomUUID().toString().substring(0, 8);

    /** A draft vision media-service knows, and the id of its track for {@code section}, narrated once. */
    private String narratedDraft(String section) {
        VisionEventsFixture.updated(member, vision, "draft", VisionEventsFixture.texts(marker, section));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> RawSql.asSystem("select * from vision_sections where vision_id = '" + vision + "'")
                                .size()
                        == 14);
        regenerate(Map.of("sections", List.of(section))).then().statusCode(202);
        await().atMost(Duration.ofSeconds(40))
                .untilAsserted(() -> audio().then().body("tracks.findAll { it.status == 'completed' }", hasSize(1)));
        assertEquals(1, ElevenLabsStub.callsFor(marker + "-" + section));
        return audio().then().extract().path("tracks[0].id");
    }

    private Response regenerate(Map<String, Object> body) {
        return as(member).body(body).post("/api/v1/media/visions/" + vision + "/audio/regenerate");
    }

    private Response audio() {
        return as(member).get("/api/v1/media/visions/" + vision + "/audio");
    }

    private List<Map<String, Object>> job(String trackId) {
        return RawSql.asSystem("select * from narration_jobs where track_id = '" + trackId + "'");
    }

    private static void pause(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis()); // workers poll every second and are woken on commit
    }

    @Test
    void shouldNotSynthesiseAnUnchangedSectionAgainUnlessForced() throws Exception {
        String trackId = narratedDraft("fun");

        regenerate(Map.of("sections", List.of("fun")))
                .then()
                .statusCode(202)
                .body("tracks[0].status", equalTo("completed"));
        assertTrue(job(trackId).isEmpty(), "nothing queued for a text already narrated in this voice");
        pause(Duration.ofSeconds(3));
        assertEquals(1, ElevenLabsStub.callsFor(marker + "-fun"), "0 syntheses for an unchanged section");

        regenerate(Map.of("sections", List.of("fun"), "force", true)).then().statusCode(202);
        await().atMost(Duration.ofSeconds(40)).until(() -> ElevenLabsStub.callsFor(marker + "-fun") == 2);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            audio().then().body("tracks[0].status", equalTo("completed"));
            List<String> keys = s3
                    .listObjectsV2(r -> r.bucket(storage.bucket()).prefix(NarrationPlanner.prefixOf(member, vision)))
                    .contents()
                    .stream()
                    .map(o -> o.key())
                    .toList();
            assertEquals(1, keys.size(), "the replaced audio is deleted: " + keys);
            String key = (String) RawSql.asSystem("select s3_key from audio_tracks where id = '" + trackId + "'")
                    .get(0)
                    .get("s3_key");
            assertEquals(List.of(key), keys, "the track points at the audio that is there");
        });
        assertEquals(2, ElevenLabsStub.callsFor(marker + "-fun"));
    }

    @Test
    void shouldAnswer429WithRetryAfterPastTheRegenerateAllowance() {
        narratedDraft("home"); // the first accepted request
        for (int i = 2; i <= 10; i++) {
            regenerate(Map.of("sections", List.of("home"))).then().statusCode(202);
        }
        String retryAfter = problem(
                        regenerate(Map.of("sections", List.of("home"))).then(), 429)
                .body("status", equalTo(429))
                .extract()
                .header("Retry-After");
        long seconds = Long.parseLong(retryAfter);
        assertTrue(seconds >= 1 && seconds <= 3600, "Retry-After " + retryAfter);
        assertEquals(1, ElevenLabsStub.callsFor(marker + "-home"), "unchanged: synthesised once in all");

        // The allowance is the member's own.
        UUID other = UUID.randomUUID();
        UUID othersVision = UUID.randomUUID();
        VisionEventsFixture.updated(other, othersVision, "draft", VisionEventsFixture.texts(marker + "o", "home"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> RawSql.asSystem("select * from vision_sections where vision_id = '" + othersVision + "'")
                                .size()
                        == 14);
        as(other)
                .body(Map.of())
                .post("/api/v1/media/visions/" + othersVision + "/audio/regenerate")
                .then()
                .statusCode(202);
    }

    @Test
    void shouldNeverLetTwoWorkersSynthesiseOneJob() throws Exception {
        String trackId = narratedDraft("health");
        // Worker A has just claimed the track and is synthesising it.
        UUID tokenA = UUID.randomUUID();
        RawSql.asSystem("update audio_tracks set status = 'processing' where id = '" + trackId + "'");
        RawSql.asSystem("insert into narration_jobs (track_id, user_id, attempts, claimed_at, claim_token) values ('"
                + trackId + "', '" + member + "', 1, now(), '" + tokenA + "')");

        // The member re-queues it meanwhile: A keeps its claim, nobody else picks the job up.
        regenerate(Map.of("sections", List.of("health"), "force", true)).then().statusCode(202);
        Map<String, Object> row = job(trackId).get(0);
        assertEquals(tokenA, row.get("claim_token"));
        assertEquals(true, row.get("rerun_requested"));
        pause(Duration.ofSeconds(3));
        assertEquals(1, ElevenLabsStub.callsFor(marker + "-health"), "no second worker while A holds the claim");

        // A finishes: its result is dropped (a rerun was asked), and the job runs again, once.
        NarrationRepository.Claim claimA = new NarrationRepository.Claim(UUID.fromString(trackId), 1, tokenA);
        assertFalse(finish(claimA));
        await().atMost(Duration.ofSeconds(40)).until(() -> ElevenLabsStub.callsFor(marker + "-health") == 2);
        await().atMost(Duration.ofSeconds(20)).until(() -> job(trackId).isEmpty());
        audio().then().body("tracks[0].status", equalTo("completed"));

        // A stale worker whose claim was taken over cannot finish (or reschedule) the new holder's claim.
        UUID tokenB = UUID.randomUUID();
        RawSql.asSystem("insert into narration_jobs (track_id, user_id, attempts, claimed_at, claim_token) values ('"
                + trackId + "', '" + member + "', 2, now(), '" + tokenB + "')");
        assertFalse(finish(claimA));
        assertFalse(SystemContext.call(
                "test",
                () -> QuarkusTransaction.requiringNew()
                        .call(() -> tracks.scheduleRetry(claimA, Instant.now(), "stale", true))));
        assertEquals(tokenB, job(trackId).get(0).get("claim_token"));
        assertTrue(finish(new NarrationRepository.Claim(UUID.fromString(trackId), 2, tokenB)));
        assertTrue(job(trackId).isEmpty());
        assertEquals(2, ElevenLabsStub.callsFor(marker + "-health"));
    }

    private boolean finish(NarrationRepository.Claim claim) {
        return SystemContext.call(
                "test", () -> QuarkusTransaction.requiringNew().call(() -> tracks.finishJob(claim)));
    }
}
