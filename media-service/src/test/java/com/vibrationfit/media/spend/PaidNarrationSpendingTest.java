package com.vibrationfit.media.spend;

import static com.vibrationfit.platform.testing.Api.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vibrationfit.events.Topics;
import com.vibrationfit.media.AiUsageStub;
import com.vibrationfit.media.ElevenLabsStub;
import com.vibrationfit.media.VisionEventsFixture;
import com.vibrationfit.platform.testing.KafkaTopics;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Paid narration (the ElevenLabs client against its stub) spends the member's tokens through ai-usage-service:
 * a reservation of one token per character before the provider is called, a capture of the characters
 * narrated after, the reservation named on ai.usage so it is not counted twice; a member who cannot pay gets a
 * failed track with a clear reason and the provider is never called.
 */
@QuarkusTest
class PaidNarrationSpendingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String marker = "p" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void shouldReserveBeforeAndCaptureAfterEachPaidSection() throws Exception {
        UUID member = UUID.randomUUID();
        UUID vision = UUID.randomUUID();
        Map<String, String> texts = VisionEventsFixture.texts(marker, "fun", "travel");
        VisionEventsFixture.completed(UUID.randomUUID(), member, vision, texts);
        VisionEventsFixture.awaitCompletedTracks(member, vision, 2);

        var reservations = AiUsageStub.requests("/internal/v1/ai/reservations", member.toString());
        assertEquals(2, reservations.size());
        for (var reservation : reservations) {
            JsonNode body = JSON.readTree(reservation.getBodyAsString());
            assertEquals("audio_generation", body.get("action_type").asText());
            assertTrue(
                    texts.values().stream()
                            .anyMatch(t ->
                                    t.length() == body.get("estimated_tokens").asInt()),
                    "one token per character of the section: " + body);
        }
        var usage = KafkaTopics.read(
                Topics.AI_USAGE, Duration.ofSeconds(20), r -> member.toString().equals(r.key()), 2);
        assertEquals(2, usage.size());
        for (var record : usage) {
            String reservation = JSON.readTree(record.value())
                    .get("metadata")
                    .get("reservation_id")
                    .asText();
            var captures =
                    AiUsageStub.requests("/internal/v1/ai/reservations/" + reservation + "/capture", "characters");
            assertEquals(1, captures.size(), "each section's reservation captured once");
            JsonNode capture = JSON.readTree(captures.get(0).getBodyAsString());
            assertEquals("eleven_multilingual_v2", capture.get("model_used").asText());
            assertTrue(capture.get("characters").asInt() > 0);
            // The event committed with the track carries the same capture: ai-usage-service charges from it when
            // the HTTP capture never reached it.
            assertEquals(capture, JSON.readTree(record.value()).get("metadata").get("capture"));
        }
    }

    @Test
    void shouldFailTheTrackWithoutCallingTheProviderWhenTheMemberCannotPay() {
        UUID vision = UUID.randomUUID();
        VisionEventsFixture.completed(
                UUID.randomUUID(), AiUsageStub.BROKE, vision, VisionEventsFixture.texts(marker, "home"));
        await().atMost(Duration.ofSeconds(40))
                .untilAsserted(() -> as(AiUsageStub.BROKE)
                        .get("/api/v1/media/visions/" + vision + "/audio")
                        .then()
                        .statusCode(200)
                        .body("tracks.findAll { it.status == 'failed' }", hasSize(1))
                        .body("tracks.error_message", everyItem(containsString("not enough AI tokens"))));
        assertEquals(0, ElevenLabsStub.callsFor(marker + "-home"), "nothing is synthesised that cannot be paid for");
        assertEquals(
                1,
                AiUsageStub.requests("/internal/v1/ai/reservations", AiUsageStub.BROKE.toString())
                        .size(),
                "not retried: retrying cannot help until the member has tokens again");
    }

    @Test
    void shouldWaitForAiUsageServiceWithoutSpendingAttemptsWhileItIsAway() {
        UUID member = UUID.randomUUID();
        UUID vision = UUID.randomUUID();
        var away = AiUsageStub.away(member);
        try {
            VisionEventsFixture.completed(
                    UUID.randomUUID(), member, vision, VisionEventsFixture.texts(marker, "spirituality"));
            // Twice the attempts a provider failure gets: the track still waits, pending, for the service.
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> AiUsageStub.requests("/internal/v1/ai/reservations", member.toString())
                                    .size()
                            >= 6);
            as(member)
                    .get("/api/v1/media/visions/" + vision + "/audio")
                    .then()
                    .statusCode(200)
                    .body("tracks.status", everyItem(oneOf("pending", "processing")));
            assertEquals(0, ElevenLabsStub.callsFor(marker + "-spirituality"), "nothing synthesised unpaid");
        } finally {
            AiUsageStub.back(away);
        }
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> as(member)
                        .get("/api/v1/media/visions/" + vision + "/audio")
                        .then()
                        .statusCode(200)
                        .body("tracks.findAll { it.status == 'completed' }", hasSize(1)));
        assertEquals(1, ElevenLabsStub.callsFor(marker + "-spirituality"));
    }

    @Test
    void shouldFailAStalledSynthesisAtTheIdleTimeoutWhileOtherMembersAreNarrated() {
        UUID stalled = UUID.randomUUID();
        UUID stalledVision = UUID.randomUUID();
        String stallingText = marker + " " + ElevenLabsStub.STALLING_TEXT + " I rest and I rise.";
        VisionEventsFixture.completed(UUID.randomUUID(), stalled, stalledVision, Map.of("fun", stallingText));
        await().atMost(Duration.ofSeconds(10)).until(() -> ElevenLabsStub.callsFor(stallingText) >= 1);

        // Both workers are free again after the stub's silence of 1 s, long before its 30 s stall ends.
        UUID other = UUID.randomUUID();
        UUID otherVision = UUID.randomUUID();
        VisionEventsFixture.completed(
                UUID.randomUUID(), other, otherVision, VisionEventsFixture.texts(marker, "travel", "home"));
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> as(other)
                        .get("/api/v1/media/visions/" + otherVision + "/audio")
                        .then()
                        .statusCode(200)
                        .body("tracks.findAll { it.status == 'completed' }", hasSize(2)));

        // Three attempts, each cut off after 1 s without a byte: the track fails with the reason, well before the
        // 60 s deadline of one call (which is where today's header-only timeout would not even reach).
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> as(stalled)
                        .get("/api/v1/media/visions/" + stalledVision + "/audio")
                        .then()
                        .statusCode(200)
                        .body("tracks.findAll { it.status == 'failed' }", hasSize(1))
                        .body("tracks.error_message", everyItem(containsString("sent nothing for 1 s"))));
        assertEquals(3, ElevenLabsStub.callsFor(stallingText));
    }
}
