package com.vibrationfit.media;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A protocol-faithful ElevenLabs text-to-speech endpoint on loopback: it checks the API key header and
 * answers a real MP3 (made once with espeak-ng and lame); texts containing {@code FAIL-PLEASE} get a 500,
 * like a provider outage. media-service's real ElevenLabs client talks to it during the tests.
 */
public class ElevenLabsStub implements QuarkusTestResourceLifecycleManager {

    public static final String API_KEY = "test-elevenlabs-key";
    public static final String FAILING_TEXT = "FAIL-PLEASE";
    private static WireMockServer server;

    @Override
    public synchronized Map<String, String> start() {
        if (server == null) {
            server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
            server.start();
            byte[] mp3 = realMp3();
            server.stubFor(post(urlPathMatching("/v1/text-to-speech/[^/]+"))
                    .withHeader("xi-api-key", com.github.tomakehurst.wiremock.client.WireMock.equalTo(API_KEY))
                    .atPriority(5)
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "audio/mpeg").withBody(mp3)));
            server.stubFor(post(urlPathMatching("/v1/text-to-speech/[^/]+"))
                    .withRequestBody(containing(FAILING_TEXT))
                    .atPriority(1)
                    .willReturn(aResponse().withStatus(500).withBody("{\"detail\":\"voice model overloaded\"}")));
        }
        return Map.of(
                "vf.narration.provider", "elevenlabs",
                "vf.narration.elevenlabs.base-url", server.baseUrl(),
                "vf.narration.elevenlabs.api-key", API_KEY,
                "vf.narration.initial-backoff", "PT0.2S",
                "vf.narration.max-attempts", "3");
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    public static WireMockServer server() {
        return server;
    }

    /** Number of synthesis requests whose body contains {@code text}. */
    public static int callsFor(String text) {
        return (int) server.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().startsWith("/v1/text-to-speech/"))
                .filter(e -> e.getRequest().getBodyAsString().contains(text))
                .count();
    }

    static byte[] realMp3() {
        try {
            Path dir = Files.createTempDirectory("vf-stub-mp3");
            Path wav = dir.resolve("a.wav");
            Path mp3 = dir.resolve("a.mp3");
            run("espeak-ng", "-w", wav.toString(), "This is a narrated section of a life vision.");
            run("lame", "--quiet", wav.toString(), mp3.toString());
            return Files.readAllBytes(mp3);
        } catch (IOException e) {
            throw new IllegalStateException("espeak-ng and lame are needed for the tests (./vf test installs them)", e);
        }
    }

    private static void run(String... command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + new String(process.getInputStream().readAllBytes()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
