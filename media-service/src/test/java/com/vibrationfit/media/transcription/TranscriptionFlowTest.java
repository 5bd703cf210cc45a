package com.vibrationfit.media.transcription;

import static com.vibrationfit.platform.testing.Api.as;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vibrationfit.events.Topics;
import com.vibrationfit.media.AiUsageStub;
import com.vibrationfit.media.TranscriptionStub;
import com.vibrationfit.media.UploadFlow;
import com.vibrationfit.platform.testing.KafkaTopics;
import com.vibrationfit.platform.testing.OpenAiProtocolStub;
import com.vibrationfit.platform.testing.RawSql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A confirmed voice recording is transcribed by the real OpenAI-compatible client against its protocol stub, paid
 * from the member's tokens through ai-usage-service's spend API (a hold by the recording's size, a capture of the
 * seconds heard), announced on media.events; what cannot be transcribed says why at once, a member who cannot pay
 * gets a clear failure and no provider call, another member's transcript is not found.
 */
@QuarkusTest
class TranscriptionFlowTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final UUID member = UUID.randomUUID();

    @Test
    void shouldTranscribeAVoiceNoteAndChargeTheSecondsHeard() throws Exception {
        OpenAiProtocolStub provider = TranscriptionStub.stub();
        String words = "Today I walked by the sea and felt calm " + UUID.randomUUID();
        byte[] audio = UploadFlow.bytes(160_000, 160_000);
        provider.hears(audio.length, words, 90.4);
        JsonPath object = UploadFlow.upload(member, "journal_audio", "audio/webm", audio);
        String id = object.getString("id");

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> as(member)
                        .get("/api/v1/media/objects/" + id + "/transcript")
                        .then()
                        .statusCode(200)
                        .body("status", equalTo("completed"))
                        .body("text", equalTo(words))
                        .body("language", equalTo("english"))
                        .body("duration_seconds", equalTo(90.4f)));

        OpenAiProtocolStub.TranscriptionRequest request = provider.transcriptions().stream()
                .filter(r -> r.bytes() == audio.length)
                .findFirst()
                .orElseThrow();
        assertEquals("whisper-1", request.model());
        assertEquals("verbose_json", request.responseFormat());
        assertEquals("audio/webm", request.contentType());
        assertEquals("Bearer " + TranscriptionStub.API_KEY, request.authorization());

        var reservations = AiUsageStub.requests("/internal/v1/ai/reservations", member.toString());
        assertEquals(1, reservations.size());
        JsonNode hold = JSON.readTree(reservations.get(0).getBodyAsString());
        assertEquals("audio_transcription", hold.get("action_type").asText());
        // 160,000 bytes at 128 kbit/s are 10 s: 17 tokens at 100 a minute.
        assertEquals(17, hold.get("estimated_tokens").asInt());

        var usage = KafkaTopics.read(
                Topics.AI_USAGE, Duration.ofSeconds(20), r -> member.toString().equals(r.key()), 1);
        JsonNode recorded = JSON.readTree(usage.get(0).value());
        assertEquals("audio_transcription", recorded.get("action_type").asText());
        assertEquals(151, recorded.get("tokens_used").asInt(), "90.4 s at 100 tokens a minute, per started second");
        String reservation = recorded.get("metadata").get("reservation_id").asText();
        var captures =
                AiUsageStub.requests("/internal/v1/ai/reservations/" + reservation + "/capture", "audio_seconds");
        assertEquals(1, captures.size(), "captured once, by the seconds heard");
        assertEquals(
                90.4,
                JSON.readTree(captures.get(0).getBodyAsString())
                        .get("audio_seconds")
                        .asDouble());
        assertEquals(
                recorded.get("metadata").get("capture"),
                JSON.readTree(captures.get(0).getBodyAsString()));

        var announced = KafkaTopics.read(
                Topics.MEDIA,
                Duration.ofSeconds(20),
                r -> member.toString().equals(r.key())
                        && "media.recording.transcribed".equals(KafkaTopics.header(r, "ce_type")),
                1);
        JsonNode transcribed = JSON.readTree(announced.get(0).value());
        assertEquals("completed", transcribed.get("status").asText());
        assertEquals(words, transcribed.get("transcript").asText());
        assertEquals(object.getString("media_url"), transcribed.get("media_url").asText());
    }

    @Test
    void shouldRetryAProviderFailureAndThenTranscribe() throws Exception {
        OpenAiProtocolStub provider = TranscriptionStub.stub();
        provider.transcriptionFails(20_000, 503).hears(20_000, "after a hiccup", 3);
        String id = UploadFlow.upload(member, "story_recording", "audio/ogg", UploadFlow.bytes(20_000, 20_000))
                .getString("id");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> as(member)
                        .get("/api/v1/media/objects/" + id + "/transcript")
                        .then()
                        .statusCode(200)
                        .body("status", equalTo("completed"))
                        .body("text", equalTo("after a hiccup")));
        assertEquals(
                2,
                AiUsageStub.requests("/internal/v1/ai/reservations", member.toString())
                        .size(),
                "the failed attempt's hold was taken and released, the second one captured");
    }

    @Test
    void shouldLeaveNothingOfAMemberDeletedWhileTheirRecordingIsBeingTranscribed() throws Exception {
        UUID leaving = UUID.randomUUID();
        byte[] audio = UploadFlow.bytes(31_337, 31_337);
        TranscriptionStub.stub().hears(audio.length, "words nobody keeps", 20, Duration.ofSeconds(3));
        UploadFlow.upload(leaving, "journal_audio", "audio/webm", audio);
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        TranscriptionStub.stub().transcriptions().stream().anyMatch(r -> r.bytes() == audio.length));
        // The provider is working on it: the member goes.
        KafkaTopics.publishUserDeleted(leaving);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> RawSql.asSystem("select 1 from media_objects where user_id = '" + leaving + "'")
                        .isEmpty());
        // The provider answers after the purge: its result is dropped, its hold released, nothing charged.
        String hold = AiUsageStub.reservationsOf(leaving).get(0);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !AiUsageStub.requests("/internal/v1/ai/reservations/" + hold + "/release", "")
                        .isEmpty());
        assertTrue(AiUsageStub.requests("/internal/v1/ai/reservations/" + hold + "/capture", "")
                .isEmpty());
        Thread.sleep(1_000); // room for a wrong write to show
        assertTrue(RawSql.asSystem("select 1 from transcriptions where user_id = '" + leaving + "'")
                .isEmpty());
        assertTrue(
                KafkaTopics.read(
                                Topics.AI_USAGE,
                                Duration.ofSeconds(3),
                                r -> leaving.toString().equals(r.key()),
                                1)
                        .isEmpty(),
                "no usage recorded for a transcript that was dropped");
        assertTrue(
                KafkaTopics.read(
                                Topics.MEDIA,
                                Duration.ofSeconds(3),
                                r -> leaving.toString().equals(r.key())
                                        && "media.recording.transcribed".equals(KafkaTopics.header(r, "ce_type")),
                                1)
                        .isEmpty(),
                "no transcript announced for a deleted member");
    }

    @Test
    void shouldSayAtOnceWhyAVideoHasNoTranscript() throws Exception {
        int calls = TranscriptionStub.stub().transcriptions().size();
        String id = UploadFlow.upload(member, "journal_video", "video/mp4", UploadFlow.bytes(4_000, 4_000))
                .getString("id");
        as(member)
                .get("/api/v1/media/objects/" + id + "/transcript")
                .then()
                .statusCode(200)
                .body("status", equalTo("unavailable"))
                .body("note", containsString("video recordings are not transcribed"));
        assertEquals(calls, TranscriptionStub.stub().transcriptions().size());
    }

    @Test
    void shouldFailWithoutCallingTheProviderWhenTheMemberCannotPay() throws Exception {
        byte[] audio = UploadFlow.bytes(12_345, 12_345);
        String id = UploadFlow.upload(AiUsageStub.BROKE, "journal_audio", "audio/mpeg", audio)
                .getString("id");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> as(AiUsageStub.BROKE)
                        .get("/api/v1/media/objects/" + id + "/transcript")
                        .then()
                        .statusCode(200)
                        .body("status", equalTo("failed"))
                        .body("note", containsString("not enough AI tokens")));
        assertTrue(
                TranscriptionStub.stub().transcriptions().stream().noneMatch(r -> r.bytes() == audio.length),
                "nothing is sent to the provider that cannot be paid for");
    }

    @Test
    void shouldNotShowATranscriptToAnotherMemberOrWithoutAToken() throws Exception {
        String id = UploadFlow.upload(member, "journal_audio", "audio/wav", UploadFlow.bytes(3_000, 3_000))
                .getString("id");
        as(UUID.randomUUID())
                .get("/api/v1/media/objects/" + id + "/transcript")
                .then()
                .statusCode(404);
        given().get("/api/v1/media/objects/" + id + "/transcript").then().statusCode(401);
        String photo = UploadFlow.upload(member, "journal_image", "image/png", UploadFlow.bytes(1_000, 1_000))
                .getString("id");
        as(member).get("/api/v1/media/objects/" + photo + "/transcript").then().statusCode(404);
    }
}
