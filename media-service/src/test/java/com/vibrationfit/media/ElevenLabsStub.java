package com.vibrationfit.media;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A protocol-faithful ElevenLabs text-to-speech endpoint on loopback: it checks the API key header and
 * answers a real MP3 (made once with espeak-ng and lame); texts containing {@code FAIL-PLEASE} get a 500,
 * like a provider outage; texts containing {@code STALL-PLEASE} stall after the headers. media-service's real ElevenLabs client talks to it during the tests.
 */
public class ElevenLabsStub implements QuarkusTestResourceLifecycleManager {

    public static final String API_KEY = "test-elevenlabs-key";
    public static final String FAILING_TEXT = "FAIL-PLEASE";
    /** Texts containing this get their headers and a first piece of MP3, then nothing for 30 s (a stalled provider). */
    public static final String STALLING_TEXT = "STALL-PLEASE";

    private static WireMockServer server;
    private static HttpServer front;
    private static final List<String> STALLED_BODIES = new CopyOnWriteArrayList<>();

    @Override
    public synchronized Map<String, String> start() {
        if (server == null) {
            server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
            server.start();
            byte[] mp3 = realMp3();
            server.stubFor(post(urlPathMatching("/v1/text-to-speech/[^/]+"))
                    .withHeader("xi-api-key", WireMock.equalTo(API_KEY))
                    .atPriority(5)
                    .willReturn(aResponse()
                            .withStatus(200)
                            .withHeader("Content-Type", "audio/mpeg")
                            .withBody(mp3)));
            server.stubFor(post(urlPathMatching("/v1/text-to-speech/[^/]+"))
                    .withRequestBody(containing(FAILING_TEXT))
                    .atPriority(1)
                    .willReturn(aResponse().withStatus(500).withBody("{\"detail\":\"voice model overloaded\"}")));
            front = stallingFront(mp3);
        }
        return Map.of(
                "vf.narration.provider", "elevenlabs",
                "vf.narration.elevenlabs.base-url",
                        "http://127.0.0.1:" + front.getAddress().getPort(),
                "vf.narration.elevenlabs.api-key", API_KEY,
                "vf.narration.elevenlabs.idle-timeout", "PT1S",
                "vf.narration.initial-backoff", "PT0.2S",
                "vf.narration.max-attempts", "3");
    }

    /**
     * WireMock writes nothing before its first delayed chunk, so the stall is served in front of it: a stalling
     * request gets its headers and a first piece of MP3 at once, then silence; every other request is passed on.
     */
    private static HttpServer stallingFront(byte[] mp3) {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            http.setExecutor(Executors.newCachedThreadPool());
            HttpClient client =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            http.createContext("/", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                String text = new String(body, StandardCharsets.UTF_8);
                if (text.contains(STALLING_TEXT)) {
                    STALLED_BODIES.add(text);
                    exchange.getResponseHeaders().add("Content-Type", "audio/mpeg");
                    exchange.sendResponseHeaders(200, 0);
                    exchange.getResponseBody().write(mp3, 0, Math.min(1000, mp3.length));
                    exchange.getResponseBody().flush();
                    try {
                        Thread.sleep(30_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    exchange.close();
                    return;
                }
                HttpRequest.Builder forward = HttpRequest.newBuilder(
                                URI.create(server.baseUrl() + exchange.getRequestURI()))
                        .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
                exchange.getRequestHeaders().forEach((name, values) -> {
                    if (name.equalsIgnoreCase("xi-api-key")
                            || name.equalsIgnoreCase("Content-Type")
                            || name.equalsIgnoreCase("Accept")) {
                        values.forEach(v -> forward.header(name, v));
                    }
                });
                try {
                    HttpResponse<byte[]> answer = client.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
                    answer.headers()
                            .firstValue("Content-Type")
                            .ifPresent(t -> exchange.getResponseHeaders().add("Content-Type", t));
                    exchange.sendResponseHeaders(
                            answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
                    exchange.getResponseBody().write(answer.body());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    exchange.sendResponseHeaders(502, -1);
                }
                exchange.close();
            });
            http.start();
            return http;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized void stop() {
        if (front != null) {
            front.stop(0);
            front = null;
        }
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
        return (int) STALLED_BODIES.stream().filter(b -> b.contains(text)).count()
                + (int) server.getAllServeEvents().stream()
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
                throw new IOException(String.join(" ", command) + " failed: "
                        + new String(process.getInputStream().readAllBytes()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
