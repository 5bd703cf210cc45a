package com.vibrationfit.media.narration;

import static com.vibrationfit.platform.testing.Api.as;
import static com.vibrationfit.platform.testing.Api.problem;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vibrationfit.events.ContentHash;
import com.vibrationfit.events.Topics;
import com.vibrationfit.media.ElevenLabsStub;
import com.vibrationfit.media.VisionEventsFixture;
import com.vibrationfit.media.objects.StorageConfig;
import com.vibrationfit.media.speech.Mp3Duration;
import com.vibrationfit.platform.testing.KafkaTopics;
import com.vibrationfit.platform.testing.RawSql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/** The flagship flow: vision events in, narrated sections in S3, audio events out, each triple once. */
@QuarkusTest
class NarrationFlowTest {

    @Inject
    S3Client s3;

    @Inject
    StorageConfig storage;

    private final UUID alice = UUID.randomUUID();
    private final UUID vision = UUID.randomUUID();
    private final String marker = "m" + UUID.randomUUID().toString().substring(0, 8);

    private JsonPath awaitTracks(UUID user, UUID visionId, int count, String status) {
        await().atMost(Duration.ofSeconds(40))
                .untilAsserted(() -> as(user).get("/api/v1/media/visions/" + visionId + "/audio")
                        .then()
                        .statusCode(200)
                        .body("tracks.findAll { it.status == '" + status + "' }", hasSize(count)));
        return as(user).get("/api/v1/media/visions/" + visionId + "/audio")
                .then()
                .extract()
                .jsonPath();
    }

    private List<String> s3Keys(String prefix) {
        return s3.listObjectsV2(r -> r.bucket(storage.bucket()).prefix(prefix)).contents().stream()
                .map(o -> o.key())
                .toList();
    }

    @Test
    void shouldNarrateEveryWrittenSectionOfACompleteVision() throws Exception {
        VisionEventsFixture.completed(
                UUID.randomUUID(), alice, vision, VisionEventsFixture.texts(marker, "fun", "health", "money"));

        JsonPath audio = awaitTracks(alice, vision, 3, "completed");
        assertEquals(List.of("fun", "health", "money"), audio.getList("tracks.section_key"));
        as(alice)
                .get("/api/v1/media/visions/" + vision + "/audio")
                .then()
                .body("tracks.duration_seconds", everyItem(greaterThan(0)))
                .body("tracks.current", everyItem(equalTo(true)))
                .body("tracks.voice_id", everyItem(equalTo("21m00Tcm4TlvDq8ikWAM")));
        assertEquals(3, s3Keys("users/" + alice + "/narration/" + vision + "/").size());

        HttpResponse<byte[]> mp3 = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(audio.getString("tracks[0].play_url")))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, mp3.statusCode());
        assertTrue(Mp3Duration.of(mp3.body()) > 0.5, "a playable MP3");

        var completed = KafkaTopics.read(
                Topics.MEDIA,
                Duration.ofSeconds(20),
                r -> alice.toString().equals(r.key())
                        && "audio.track.completed".equals(KafkaTopics.header(r, "ce_type")),
                3);
        assertEquals(3, completed.size());
        assertTrue(completed.get(0).value().contains(vision.toString()));
        var usage = KafkaTopics.read(
                Topics.AI_USAGE, Duration.ofSeconds(20), r -> alice.toString().equals(r.key()), 3);
        assertEquals(3, usage.size());
        assertTrue(
                usage.get(0).value().contains("\"action_type\": \"audio_generation\"")
                        || usage.get(0).value().contains("\"action_type\":\"audio_generation\""),
                usage.get(0).value());
    }

    @Test
    void shouldAnswerNoTracksForAKnownVisionNotNarratedYet() {
        // Before media-service knows the vision (no event consumed yet), it answers 404 ...
        problem(as(alice).get("/api/v1/media/visions/" + vision + "/audio").then(), 404);
        // ... once its texts are projected from a vision event, 200 with no tracks until a section is narrated.
        VisionEventsFixture.updated(alice, vision, "draft", VisionEventsFixture.texts(marker, "fun", "home"));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> as(alice)
                        .get("/api/v1/media/visions/" + vision + "/audio")
                        .then()
                        .statusCode(200)
                        .body("vision_id", equalTo(vision.toString()))
                        .body("tracks", hasSize(0)));
        // Still another member's vision stays hidden.
        problem(
                as(UUID.randomUUID())
                        .get("/api/v1/media/visions/" + vision + "/audio")
                        .then(),
                404);
        assertEquals(0, ElevenLabsStub.callsFor(marker + "-fun"));
    }

    @Test
    void shouldNotNarrateDrafts() {
        VisionEventsFixture.updated(alice, vision, "draft", VisionEventsFixture.texts(marker, "fun"));
        UUID after = UUID.randomUUID();
        VisionEventsFixture.completed(UUID.randomUUID(), alice, after, VisionEventsFixture.texts(marker + "x", "fun"));
        awaitTracks(alice, after, 1, "completed");
        as(alice)
                .get("/api/v1/media/visions/" + vision + "/audio")
                .then()
                .statusCode(200)
                .body("tracks", hasSize(0));
        assertEquals(0, ElevenLabsStub.callsFor(marker + "-fun"));
    }

    @Test
    void shouldSynthesiseEachTextOnceWhateverIsRedelivered() {
        Map<String, String> texts = VisionEventsFixture.texts(marker, "fun", "travel");
        UUID eventId = UUID.randomUUID();
        VisionEventsFixture.completed(eventId, alice, vision, texts);
        VisionEventsFixture.completed(eventId, alice, vision, texts); // redelivery of the same event
        VisionEventsFixture.completed(UUID.randomUUID(), alice, vision, texts); // the same content again
        VisionEventsFixture.updated(alice, vision, "complete", texts); // an unchanged re-save
        awaitTracks(alice, vision, 2, "completed");
        // A marker behind them on the same partition: when it is narrated, all four were consumed.
        UUID later = UUID.randomUUID();
        VisionEventsFixture.completed(UUID.randomUUID(), alice, later, VisionEventsFixture.texts(marker + "z", "home"));
        awaitTracks(alice, later, 1, "completed");
        assertEquals(1, ElevenLabsStub.callsFor(marker + "-fun"));
        assertEquals(1, ElevenLabsStub.callsFor(marker + "-travel"));
    }

    @Test
    void shouldNarrateOnlyTheSectionThatChanged() {
        Map<String, String> texts = VisionEventsFixture.texts(marker, "fun", "travel", "home");
        VisionEventsFixture.completed(UUID.randomUUID(), alice, vision, texts);
        awaitTracks(alice, vision, 3, "completed");

        texts.put("travel", "I sail around the world. " + marker + "-travel-v2");
        VisionEventsFixture.updated(alice, vision, "complete", texts);
        await().atMost(Duration.ofSeconds(40)).until(() -> ElevenLabsStub.callsFor(marker + "-travel-v2") == 1);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> as(alice)
                        .get("/api/v1/media/visions/" + vision + "/audio")
                        .then()
                        .body("tracks.find { it.section_key == 'travel' }.status", equalTo("completed"))
                        .body("tracks.find { it.section_key == 'travel' }.current", equalTo(true)));
        assertEquals(1, ElevenLabsStub.callsFor(marker + "-fun"));
        assertEquals(1, ElevenLabsStub.callsFor(marker + "-home"));
        assertEquals(
                4,
                RawSql.asUser(alice, "select id from audio_tracks where vision_id = '" + vision + "'")
                        .size());
    }

    @Test
    void shouldIgnoreAnOldEventReplayedAfterANewerOne() {
        Map<String, String> texts = VisionEventsFixture.texts(marker, "fun");
        VisionEventsFixture.completed(UUID.randomUUID(), alice, vision, texts);
        awaitTracks(alice, vision, 1, "completed");

        // A dead letter from a minute ago, with another text, replayed now: it must neither replace the text held
        // nor queue a narration of its stale text.
        Map<String, String> stale = Map.of("fun", "An old draft of my fun. " + marker + "-stale");
        UUID replayed = VisionEventsFixture.updatedAt(Instant.now().minusSeconds(60), alice, vision, "complete", stale);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !RawSql.asSystem("select 1 from processed_events where event_id = '" + replayed + "'")
                        .isEmpty());
        assertEquals(0, ElevenLabsStub.callsFor(marker + "-stale"));
        assertEquals(
                List.of(ContentHash.normalise(texts.get("fun"))),
                RawSql.asSystem("select text_content from vision_sections where vision_id = '" + vision
                                + "' and section_key = 'fun'")
                        .stream()
                        .map(r -> r.get("text_content"))
                        .toList());
        assertEquals(
                1,
                RawSql.asUser(alice, "select id from audio_tracks where vision_id = '" + vision + "'")
                        .size());
    }

    @Test
    void shouldIgnoreAnEventReplayedAfterTheVisionWasDeleted() {
        VisionEventsFixture.completed(UUID.randomUUID(), alice, vision, VisionEventsFixture.texts(marker, "fun"));
        awaitTracks(alice, vision, 1, "completed");
        VisionEventsFixture.deleted(alice, vision);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> RawSql.asSystem("select 1 from vision_sections where vision_id = '" + vision + "'")
                        .isEmpty());

        UUID replayed = VisionEventsFixture.updated(
                alice, vision, "complete", VisionEventsFixture.texts(marker + "-late", "fun"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !RawSql.asSystem("select 1 from processed_events where event_id = '" + replayed + "'")
                        .isEmpty());
        assertEquals(
                0,
                RawSql.asSystem("select 1 from vision_sections where vision_id = '" + vision + "'")
                        .size());
        assertEquals(
                0,
                RawSql.asSystem("select 1 from audio_tracks where vision_id = '" + vision + "'")
                        .size());
        assertEquals(0, ElevenLabsStub.callsFor(marker + "-late"));
    }

    @Test
    void shouldRetryAFailingProviderThenMarkTheTrackFailedWithTheReason() {
        Map<String, String> texts = Map.of("giving", "I give. " + ElevenLabsStub.FAILING_TEXT + " " + marker);
        VisionEventsFixture.completed(UUID.randomUUID(), alice, vision, texts);
        JsonPath audio = awaitTracks(alice, vision, 1, "failed");
        String error = audio.getString("tracks[0].error_message");
        assertTrue(error.contains("500") && error.contains("voice model overloaded"), error);
        assertEquals(3, ElevenLabsStub.callsFor(marker), "bounded retries: max-attempts");
        var failed = KafkaTopics.read(
                Topics.MEDIA,
                Duration.ofSeconds(20),
                r -> alice.toString().equals(r.key()) && "audio.track.failed".equals(KafkaTopics.header(r, "ce_type")),
                1);
        assertEquals(1, failed.size());

        String trackId = audio.getString("tracks[0].id");
        as(alice)
                .post("/api/v1/media/tracks/" + trackId + "/retry")
                .then()
                .statusCode(202)
                .body("status", equalTo("pending"));
        await().atMost(Duration.ofSeconds(40)).until(() -> ElevenLabsStub.callsFor(marker) == 6);
        awaitTracks(alice, vision, 1, "failed");
    }

    @Test
    void shouldTakeOverAClaimAbandonedByACrashedWorker() {
        VisionEventsFixture.completed(UUID.randomUUID(), alice, vision, VisionEventsFixture.texts(marker, "social"));
        String trackId = awaitTracks(alice, vision, 1, "completed").getString("tracks[0].id");
        // Simulate a worker that claimed the track and died mid-synthesis ten minutes ago.
        RawSql.asSystem("update audio_tracks set status = 'processing' where id = '" + trackId + "'");
        RawSql.asSystem("insert into narration_jobs (track_id, user_id, attempts, claimed_at) values ('" + trackId
                + "', '" + alice + "', 1, now() - interval '10 minutes')");
        awaitTracks(alice, vision, 1, "completed");
        assertEquals(2, ElevenLabsStub.callsFor(marker + "-social"));
        assertEquals(
                0,
                RawSql.asSystem("select * from narration_jobs where track_id = '" + trackId + "'")
                        .size());
    }

    @Test
    void shouldRegenerateOnDemandForDraftsAndWithAnotherVoice() {
        VisionEventsFixture.updated(alice, vision, "draft", VisionEventsFixture.texts(marker, "fun", "money"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> RawSql.asSystem("select * from vision_sections where vision_id = '" + vision + "'")
                                .size()
                        == 14);
        as(alice)
                .body(Map.of("sections", List.of("money")))
                .post("/api/v1/media/visions/" + vision + "/audio/regenerate")
                .then()
                .statusCode(202);
        awaitTracks(alice, vision, 1, "completed");
        as(alice)
                .body(Map.of("sections", List.of("money"), "voice_id", "voice-bella"))
                .post("/api/v1/media/visions/" + vision + "/audio/regenerate")
                .then()
                .statusCode(202);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> ElevenLabsStub.server().getAllServeEvents().stream()
                        .anyMatch(e -> e.getRequest().getUrl().startsWith("/v1/text-to-speech/voice-bella")
                                && e.getRequest().getBodyAsString().contains(marker + "-money")));
        awaitTracks(alice, vision, 1, "completed");
        as(alice)
                .get("/api/v1/media/visions/" + vision + "/audio")
                .then()
                .body("tracks[0].voice_id", equalTo("voice-bella"));
        assertEquals(0, ElevenLabsStub.callsFor(marker + "-fun"));
        problem(
                        as(alice)
                                .body(Map.of("sections", List.of("yachts")))
                                .post("/api/v1/media/visions/" + vision + "/audio/regenerate")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("sections"));
        // The bound the OpenAPI document states for a section key (@Size) is the one enforced.
        problem(
                        as(alice)
                                .body(Map.of("sections", List.of("x".repeat(Sections.KEY_MAX_LENGTH + 1))))
                                .post("/api/v1/media/visions/" + vision + "/audio/regenerate")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("sections[0]"));
    }

    @Test
    void shouldHideAnotherUsersNarrationBehind404() {
        UUID bob = UUID.randomUUID();
        VisionEventsFixture.completed(UUID.randomUUID(), alice, vision, VisionEventsFixture.texts(marker, "fun"));
        String trackId = awaitTracks(alice, vision, 1, "completed").getString("tracks[0].id");
        problem(as(bob).get("/api/v1/media/visions/" + vision + "/audio").then(), 404);
        problem(
                as(bob).post("/api/v1/media/visions/" + vision + "/audio/regenerate")
                        .then(),
                404);
        problem(as(bob).post("/api/v1/media/tracks/" + trackId + "/retry").then(), 404);
        problem(as(alice).post("/api/v1/media/tracks/" + trackId + "/retry").then(), 409);
    }

    @Test
    void shouldRemoveTracksAndAudioOfADeletedVision() {
        VisionEventsFixture.completed(
                UUID.randomUUID(), alice, vision, VisionEventsFixture.texts(marker, "fun", "home"));
        awaitTracks(alice, vision, 2, "completed");
        VisionEventsFixture.deleted(alice, vision);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> problem(
                        as(alice)
                                .get("/api/v1/media/visions/" + vision + "/audio")
                                .then(),
                        404));
        assertTrue(s3Keys("users/" + alice + "/narration/" + vision + "/").isEmpty());
    }

    @Test
    void shouldLeaveNoRowAndNoObjectOfADeletedUser() {
        VisionEventsFixture.completed(UUID.randomUUID(), alice, vision, VisionEventsFixture.texts(marker, "fun"));
        awaitTracks(alice, vision, 1, "completed");
        String pendingKey = as(alice)
                .body(Map.of("purpose", "journal_image", "content_type", "image/png", "size_bytes", 10))
                .post("/api/v1/media/uploads")
                .then()
                .statusCode(201)
                .extract()
                .path("key");
        RawSql.asSystem("insert into narration_regenerations (user_id) values ('" + alice + "')");
        UUID bob = UUID.randomUUID();
        UUID bobsVision = UUID.randomUUID();
        VisionEventsFixture.completed(
                UUID.randomUUID(), bob, bobsVision, VisionEventsFixture.texts(marker + "b", "fun"));
        awaitTracks(bob, bobsVision, 1, "completed");

        KafkaTopics.publish(
                Topics.IDENTITY,
                UUID.randomUUID(),
                "user.deleted",
                alice,
                "{\"user_id\":\"" + alice + "\",\"deleted_at\":\"2026-01-01T00:00:00Z\"}");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            for (String table : List.of("audio_tracks", "media_objects", "vision_sections", "narration_jobs")) {
                assertEquals(
                        0,
                        RawSql.asSystem("select * from " + table + " where user_id = '" + alice + "'")
                                .size(),
                        table);
            }
            assertTrue(s3Keys("users/" + alice + "/").isEmpty());
        });
        assertEquals(
                0,
                RawSql.asSystem("select * from narration_regenerations where user_id = '" + alice + "'")
                        .size());
        // Her upload URL is still alive: the key is remembered, to be swept again once it cannot be used.
        assertEquals(
                1,
                RawSql.asSystem("select * from revoked_upload_keys where s3_key = '" + pendingKey + "'")
                        .size());
        assertEquals(
                1,
                RawSql.asSystem("select * from audio_tracks where user_id = '" + bob + "'")
                        .size());
        assertEquals(1, s3Keys("users/" + bob + "/").size());
    }

    @Test
    void shouldReuseTheMembersAudioOfAnUnchangedTextInAnotherVersion() throws Exception {
        Map<String, String> texts = VisionEventsFixture.texts(marker, "fun", "health");
        VisionEventsFixture.completed(UUID.randomUUID(), alice, vision, texts);
        awaitTracks(alice, vision, 2, "completed");
        assertEquals(1, ElevenLabsStub.callsFor(marker + "-fun"));

        // Her next version: health unchanged, fun rewritten. Only fun is synthesised (and charged).
        UUID next = UUID.randomUUID();
        Map<String, String> changed = new LinkedHashMap<>(texts);
        changed.put("fun", "I laugh every day. " + marker + "-fun-v2");
        VisionEventsFixture.completed(UUID.randomUUID(), alice, next, changed);
        JsonPath audio = awaitTracks(alice, next, 2, "completed");
        assertEquals(1, ElevenLabsStub.callsFor(marker + "-health"), "the unchanged text is not synthesised again");
        assertEquals(1, ElevenLabsStub.callsFor(marker + "-fun-v2"));
        var usage = KafkaTopics.read(
                Topics.AI_USAGE,
                Duration.ofSeconds(8),
                r -> alice.toString().equals(r.key()) && r.value().contains(next.toString()),
                2);
        assertEquals(1, usage.size(), "one usage record for the new version: the synthesised section only");
        // The copy is the new version's own object: playable, and kept when the first version goes.
        assertEquals(2, s3Keys("users/" + alice + "/narration/" + next + "/").size());
        VisionEventsFixture.deleted(alice, vision);
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        s3Keys("users/" + alice + "/narration/" + vision + "/").isEmpty());
        String health = as(alice)
                .get("/api/v1/media/visions/" + next + "/audio")
                .then()
                .extract()
                .path("tracks.find { it.section_key == 'health' }.play_url");
        HttpResponse<byte[]> mp3 = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(health)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, mp3.statusCode());
        assertTrue(Mp3Duration.of(mp3.body()) > 0.5, "a playable MP3");
        assertTrue(audio.getInt("tracks.find { it.section_key == 'health' }.duration_seconds") > 0);

        // Another member's identical text is theirs to pay for: nothing is shared across members.
        UUID bob = UUID.randomUUID();
        UUID bobsVision = UUID.randomUUID();
        VisionEventsFixture.completed(UUID.randomUUID(), bob, bobsVision, Map.of("health", texts.get("health")));
        awaitTracks(bob, bobsVision, 1, "completed");
        assertEquals(2, ElevenLabsStub.callsFor(marker + "-health"));
    }

    @Test
    void shouldNarrateTheTextASectionSettledOnOnce() {
        Map<String, String> texts = VisionEventsFixture.texts(marker, "fun", "health");
        VisionEventsFixture.completed(UUID.randomUUID(), alice, vision, texts);
        awaitTracks(alice, vision, 2, "completed");

        // The member types: 20 autosaves of health within 5 s.
        Instant start = Instant.now();
        for (int i = 1; i <= 20; i++) {
            texts.put("health", "I grow stronger, step " + i + ". " + marker + "-typing-" + i + "-end");
            VisionEventsFixture.updatedAt(start.plusMillis(i), alice, vision, "complete", texts);
            sleepMillis(240);
        }
        await().atMost(Duration.ofSeconds(40)).until(() -> ElevenLabsStub.callsFor(marker + "-typing-20-end") == 1);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> as(alice)
                        .get("/api/v1/media/visions/" + vision + "/audio")
                        .then()
                        .body("tracks.find { it.section_key == 'health' }.status", equalTo("completed"))
                        .body("tracks.find { it.section_key == 'health' }.current", equalTo(true))
                        .body(
                                "tracks.find { it.section_key == 'health' }.content_hash",
                                equalTo(ContentHash.of(texts.get("health")))));
        // Give any job of an earlier draft time to run: none may reach the provider.
        sleepMillis(4000);
        for (int i = 1; i < 20; i++) {
            assertEquals(0, ElevenLabsStub.callsFor(marker + "-typing-" + i + "-end"), "draft " + i);
        }
        assertEquals(1, ElevenLabsStub.callsFor(marker + "-typing-20-end"));
        assertEquals(
                0,
                RawSql.asSystem("select * from narration_jobs where user_id = '" + alice + "'")
                        .size(),
                "the dropped drafts leave no job behind");
        assertEquals(
                3,
                RawSql.asUser(alice, "select id from audio_tracks where vision_id = '" + vision + "'")
                        .size(),
                "fun, the first health and the settled health: no track of a dropped draft");
    }

    private static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
