package com.vibrationfit.system;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.vibrationfit.platform.testing.OpenAiProtocolStub;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bob's vision is narrated by a paid provider (media-service's real ElevenLabs client against a protocol stub,
 * media-service restarted for it): each section is paid from his tokens through ai-usage-service, his balance
 * falls by the characters narrated, and the sections his balance cannot pay for fail with a clear reason. In the
 * same restart media-service transcribes voice recordings through a paid OpenAI-compatible transcription API (its
 * real client against {@link OpenAiProtocolStub}): a new member's voice note is transcribed, paid per minute, copied
 * into their journal entry and found by search. media-service is restarted with its local defaults (espeak-ng, no
 * transcription) afterwards.
 */
@ExtendWith(PlatformUnderTest.class)
class PaidNarrationJourneyTest {

    private static final List<String> CATEGORIES = VisionSections.CATEGORIES;
    private static final int SECTION = 80;
    private static final String KEY = "system-test-elevenlabs-key";
    private static WireMockServer elevenLabs;
    private static OpenAiProtocolStub transcription;

    @BeforeAll
    static void narrateWithAPaidProvider() throws Exception {
        elevenLabs = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        elevenLabs.start();
        elevenLabs.stubFor(post(urlPathMatching("/v1/text-to-speech/[^/]+"))
                .withHeader("xi-api-key", WireMock.equalTo(KEY))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "audio/mpeg")
                        .withBody(realMp3())));
        transcription = OpenAiProtocolStub.start();
        PlatformUnderTest.vf(
                "restart",
                "media-service",
                "VF_NARRATION_PROVIDER=elevenlabs",
                "VF_NARRATION_ELEVENLABS_BASE_URL=" + elevenLabs.baseUrl(),
                "VF_NARRATION_ELEVENLABS_API_KEY=" + KEY,
                "VF_TRANSCRIPTION_PROVIDER=openai",
                "VF_TRANSCRIPTION_OPENAI_BASE_URL=" + transcription.rootUrl(),
                "VF_TRANSCRIPTION_OPENAI_API_KEY=" + KEY);
    }

    @AfterAll
    static void backToTheLocalProvider() throws Exception {
        try {
            PlatformUnderTest.vf("restart", "media-service");
        } finally {
            elevenLabs.stop();
            transcription.close();
        }
    }

    @Test
    void aNewMembersVoiceNoteIsTranscribedPaidPerMinuteAndFoundBySearch() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String word = "heron" + run.replaceAll("[0-9]", "x");
        String username = "speaker-" + run;
        String id = KeycloakAdmin.createUser(username);
        try {
            String token = KeycloakAdmin.login(username).getString("access_token");
            RequestSpecification member = given().auth().oauth2(token).contentType(ContentType.JSON);
            int remaining = member.get("/api/v1/ai/balance")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("remaining");
            byte[] voice = Uploads.randomBytes(48_000, run.hashCode());
            transcription.hears(voice.length, "This morning a " + word + " stood in the river.", 30.0);
            String url =
                    Uploads.upload(token, "journal_audio", "audio/webm", voice).getString("media_url");
            String entry = given().auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .body(Map.of(
                            "content",
                            "A quiet morning",
                            "audio_recordings",
                            List.of(Map.of("url", url, "type", "audio", "duration", 30.0))))
                    .post("/api/v1/journal/entries")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> given().auth()
                            .oauth2(token)
                            .get("/api/v1/journal/entries/" + entry)
                            .then()
                            .statusCode(200)
                            .body("audio_recordings[0].transcript_status", equalTo("completed"))
                            .body(
                                    "audio_recordings[0].transcript",
                                    equalTo("This morning a " + word + " stood in the river.")));
            assertEquals(1, transcription.transcriptions().size());
            assertEquals("whisper-1", transcription.transcriptions().get(0).model());
            given().auth()
                    .oauth2(token)
                    .queryParam("q", word)
                    .get("/api/v1/journal/entries")
                    .then()
                    .statusCode(200)
                    .body("items.id", equalTo(List.of(entry)));
            // 30 s at 100 tokens a minute: 50 tokens, charged once.
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> given().auth()
                            .oauth2(token)
                            .get("/api/v1/ai/balance")
                            .then()
                            .body("remaining", equalTo(remaining - 50))
                            .body("reserved", equalTo(0)));
            given().auth()
                    .oauth2(token)
                    .queryParam("action_type", "audio_transcription")
                    .get("/api/v1/ai/usage")
                    .then()
                    .statusCode(200)
                    .body("items", hasSize(1))
                    .body("items[0].tokens_used", equalTo(50))
                    .body("items[0].model_used", equalTo("whisper-1"));
        } finally {
            KeycloakAdmin.deleteUser(id);
        }
    }

    private static RequestSpecification bob() {
        return given().auth().oauth2(Keycloak.token("bob")).contentType(ContentType.JSON);
    }

    private static int remaining() {
        return bob().get("/api/v1/ai/balance").then().statusCode(200).extract().path("remaining");
    }

    @Test
    void bobsBalancePaysForWhatItCanAndTheRestFailsClearly() {
        // Five and a half sections' worth of tokens, whatever earlier runs left him.
        int target = 5 * SECTION + SECTION / 2;
        int adjust = target - remaining();
        if (adjust != 0) {
            given().auth()
                    .oauth2(Keycloak.token("admin"))
                    .contentType(ContentType.JSON)
                    .body(Map.of("user_id", Keycloak.BOB, "amount", adjust, "reason", "paid narration system test"))
                    .post("/api/v1/admin/ai/grants")
                    .then()
                    .statusCode(201);
        }
        assertEquals(target, remaining());
        int usedBefore = bob().get("/api/v1/ai/balance").then().extract().path("used");

        String run = UUID.randomUUID().toString().substring(0, 8);
        String vision = bob().body(Map.of("title", "Paid narration " + run))
                .post("/api/v1/visions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Map<String, Object> sections = new LinkedHashMap<>();
        for (String key : CATEGORIES) {
            StringBuilder text = new StringBuilder("In " + key + " I live fully, run " + run + ". ");
            while (text.length() < SECTION) {
                text.append('a');
            }
            sections.put(key, text.substring(0, SECTION));
        }
        bob().body(sections).patch("/api/v1/visions/" + vision).then().statusCode(200);
        bob().post("/api/v1/visions/" + vision + "/complete").then().statusCode(200);

        await().atMost(Duration.ofSeconds(90))
                .untilAsserted(() -> bob().get("/api/v1/media/visions/" + vision + "/audio")
                        .then()
                        .statusCode(200)
                        .body("tracks.findAll { it.status == 'completed' }", hasSize(5))
                        .body("tracks.findAll { it.status == 'failed' }", hasSize(7)));
        bob().get("/api/v1/media/visions/" + vision + "/audio")
                .then()
                .body(
                        "tracks.findAll { it.status == 'failed' }.error_message",
                        everyItem(containsString("not enough AI tokens")));
        // Each narrated section reached the provider; a section whose synthesis was followed by a failure (say, S3
        // refusing the upload) released its hold and was tried again, so the provider may have seen a few more.
        long syntheses = elevenLabs.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getBodyAsString().contains(run))
                .count();
        Assertions.assertTrue(syntheses >= 5 && syntheses < 12, "syntheses: " + syntheses);
        bob().get("/api/v1/ai/balance")
                .then()
                .body("remaining", equalTo(SECTION / 2))
                .body("used", equalTo(usedBefore + 5 * SECTION))
                .body("reserved", equalTo(0));
        bob().queryParam("model", "eleven_multilingual_v2")
                .queryParam("limit", 5)
                .get("/api/v1/ai/usage")
                .then()
                .body("items.tokens_used", everyItem(equalTo(SECTION)));
    }

    @Test
    void aNarrationFinishedWhileAiUsageServiceIsDownIsChargedOnceItIsBack() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        // This run's voice takes 4 s: long enough to take ai-usage-service away between the hold and the capture.
        elevenLabs.stubFor(post(urlPathMatching("/v1/text-to-speech/[^/]+"))
                .atPriority(1)
                .withRequestBody(WireMock.containing(run))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "audio/mpeg")
                        .withBody(realMp3())
                        .withFixedDelay(4000)));
        String username = "payer-" + run;
        String id = KeycloakAdmin.createUser(username);
        try {
            String token = KeycloakAdmin.login(username).getString("access_token");
            RequestSpecification member = given().auth().oauth2(token).contentType(ContentType.JSON);
            int remaining = member.get("/api/v1/ai/balance")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("remaining");
            String vision = given().auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .body(Map.of("title", "Paid while away " + run))
                    .post("/api/v1/visions")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            StringBuilder text = new StringBuilder("In health I am strong, run " + run + ". ");
            while (text.length() < SECTION) {
                text.append('a');
            }
            given().auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .body(Map.of("health", text.toString()))
                    .patch("/api/v1/visions/" + vision)
                    .then()
                    .statusCode(200);
            await().atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> ServiceDatabases.mediaKnowsSectionText(vision, "health"));
            given().auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .body(Map.of("sections", List.of("health")))
                    .post("/api/v1/media/visions/" + vision + "/audio/regenerate")
                    .then()
                    .statusCode(202);
            // The hold is taken and the provider is speaking (it has the request: so media-service has the
            // reservation's answer, not only ai-usage-service its row): ai-usage-service dies.
            await().atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> elevenLabs.getAllServeEvents().stream()
                            .anyMatch(e -> e.getRequest().getBodyAsString().contains(run)));
            given().auth()
                    .oauth2(token)
                    .get("/api/v1/ai/balance")
                    .then()
                    .statusCode(200)
                    .body("reserved", equalTo(SECTION));
            PlatformUnderTest.kill("ai-usage-service");
            try {
                // The narration completes without it: media-service's capture cannot reach it.
                await().atMost(Duration.ofSeconds(30))
                        .untilAsserted(() -> given().auth()
                                .oauth2(token)
                                .get("/api/v1/media/visions/" + vision + "/audio")
                                .then()
                                .statusCode(200)
                                .body("tracks.find { it.section_key == 'health' }.status", equalTo("completed")));
            } finally {
                PlatformUnderTest.vf("restart", "ai-usage-service");
            }
            // Back, it reads the usage event committed with the track: charged exactly once, the hold freed.
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> given().auth()
                            .oauth2(token)
                            .get("/api/v1/ai/balance")
                            .then()
                            .statusCode(200)
                            .body("reserved", equalTo(0))
                            .body("remaining", equalTo(remaining - SECTION))
                            .body("used", equalTo(SECTION)));
            given().auth()
                    .oauth2(token)
                    .queryParam("model", "eleven_multilingual_v2")
                    .get("/api/v1/ai/usage")
                    .then()
                    .body("items", hasSize(1))
                    .body("items[0].tokens_used", equalTo(SECTION))
                    .body("items[0].metadata.vision_id", equalTo(vision));
        } finally {
            KeycloakAdmin.deleteUser(id); // and with it, everything of theirs
        }
    }

    private static byte[] realMp3() throws Exception {
        Path dir = Files.createTempDirectory("vf-system-mp3");
        Path wav = dir.resolve("a.wav");
        Path mp3 = dir.resolve("a.mp3");
        run("espeak-ng", "-w", wav.toString(), "A narrated section of a life vision.");
        run("lame", "--quiet", wav.toString(), mp3.toString());
        return Files.readAllBytes(mp3);
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed");
        }
    }
}
