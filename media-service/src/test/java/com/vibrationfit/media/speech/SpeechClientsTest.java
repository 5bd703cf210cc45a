package com.vibrationfit.media.speech;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real ElevenLabs and OpenAI clients against protocol stubs: the request shape is the contract. */
class SpeechClientsTest {

    private static WireMockServer stub;
    private static byte[] mp3;

    @BeforeAll
    static void start() {
        stub = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        stub.start();
        mp3 = new EspeakSynthesizer(TestNarrationConfig.of("espeak", "", Optional.empty(), Optional.empty())
                        .espeak())
                .synthesize("A short test sentence.", "en-us")
                .mp3();
    }

    @AfterAll
    static void stop() {
        stub.stop();
    }

    @Test
    void shouldCallElevenLabsWithVoicePathKeyHeaderAndModel() {
        stub.stubFor(post(urlPathEqualTo("/v1/text-to-speech/voice-bella"))
                .willReturn(aResponse().withHeader("Content-Type", "audio/mpeg").withBody(mp3)));
        SpeechSynthesizer elevenLabs = SpeechProviders.choose(
                TestNarrationConfig.of("elevenlabs", stub.baseUrl(), Optional.of("secret-key"), Optional.empty()));

        Speech speech = elevenLabs.synthesize("I live \"fully\".\nEvery day.", "voice-bella");

        assertTrue(speech.durationSeconds() > 0.5);
        stub.verify(
                1,
                postRequestedFor(urlEqualTo("/v1/text-to-speech/voice-bella?output_format=mp3_44100_128"))
                        .withHeader("xi-api-key", equalTo("secret-key"))
                        .withHeader("Content-Type", equalTo("application/json"))
                        .withHeader("Accept", equalTo("audio/mpeg"))
                        .withRequestBody(
                                equalToJson(
                                        "{\"text\":\"I live \\\"fully\\\".\\nEvery day.\",\"model_id\":\"eleven_multilingual_v2\"}")));
    }

    @Test
    void shouldCallTheOpenAiSpeechApiWithBearerKeyModelInputAndVoice() {
        stub.stubFor(post(urlPathEqualTo("/v1/audio/speech"))
                .willReturn(aResponse().withHeader("Content-Type", "audio/mpeg").withBody(mp3)));
        SpeechSynthesizer openAi = SpeechProviders.choose(
                TestNarrationConfig.of("openai", stub.baseUrl() + "/", Optional.empty(), Optional.of("sk-test")));

        openAi.synthesize("Abundance flows to me.", "nova");

        stub.verify(
                1,
                postRequestedFor(urlEqualTo("/v1/audio/speech"))
                        .withHeader("Authorization", equalTo("Bearer sk-test"))
                        .withRequestBody(equalToJson("{\"model\":\"tts-1\",\"input\":\"Abundance flows to me.\","
                                + "\"voice\":\"nova\",\"response_format\":\"mp3\"}")));
    }

    @Test
    void shouldReportTheProvidersErrorStatusAndMessage() {
        stub.stubFor(post(urlPathEqualTo("/v1/text-to-speech/voice-broken"))
                .willReturn(aResponse().withStatus(401).withBody("{\"detail\":\"invalid api key\"}")));
        SpeechSynthesizer elevenLabs = SpeechProviders.choose(
                TestNarrationConfig.of("elevenlabs", stub.baseUrl(), Optional.of("wrong"), Optional.empty()));
        SpeechFailed failed = assertThrows(SpeechFailed.class, () -> elevenLabs.synthesize("Hi.", "voice-broken"));
        assertTrue(
                failed.getMessage().contains("401") && failed.getMessage().contains("invalid api key"),
                failed.getMessage());
    }

    @Test
    void shouldRefuseToCallWithoutAKey() {
        SpeechSynthesizer elevenLabs = SpeechProviders.choose(
                TestNarrationConfig.of("elevenlabs", stub.baseUrl(), Optional.empty(), Optional.empty()));
        assertEquals(
                "ElevenLabs API key is not configured",
                assertThrows(SpeechFailed.class, () -> elevenLabs.synthesize("Hi.", "v"))
                        .getMessage());
    }
}
