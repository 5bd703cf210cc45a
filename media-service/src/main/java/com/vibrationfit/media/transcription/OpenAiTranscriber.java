package com.vibrationfit.media.transcription;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vibrationfit.platform.http.BoundedBody;
import com.vibrationfit.platform.http.ResponseCutOff;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/**
 * The OpenAI-compatible transcription API: {@code POST /v1/audio/transcriptions}, {@code multipart/form-data} with
 * the audio as {@code file}, {@code model} and {@code response_format=verbose_json} (which answers the language and
 * the audio's duration beside the text: the duration is what the member pays by). Works with any compatible server.
 */
public class OpenAiTranscriber implements Transcriber {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private final TranscriptionConfig.OpenAi config;

    public OpenAiTranscriber(TranscriptionConfig.OpenAi config) {
        this.config = config;
    }

    @Override
    public String provider() {
        return "openai";
    }

    @Override
    public String model() {
        return config.model();
    }

    @Override
    public Transcript transcribe(byte[] audio, String contentType, String fileName) {
        String key = config.apiKey()
                .orElseThrow(() -> new TranscriptionFailed("the transcription API key is not configured"));
        String boundary = "vf-" + UUID.randomUUID();
        byte[] body = multipart(boundary, audio, contentType, fileName);
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(config.baseUrl().replaceAll("/+$", "") + "/v1/audio/transcriptions"))
                .timeout(config.limits().headerTimeout())
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        int status;
        byte[] answer;
        try {
            HttpResponse<InputStream> response = CLIENT.send(request, BoundedBody.handler(config.limits()));
            status = response.statusCode();
            try (InputStream in = response.body()) {
                answer = status / 100 == 2 ? in.readAllBytes() : in.readNBytes(300);
            }
        } catch (ResponseCutOff e) {
            throw new TranscriptionFailed("transcription answer cut off: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new TranscriptionFailed("transcription provider unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TranscriptionFailed("transcription call interrupted", e);
        }
        if (status / 100 != 2) {
            throw new TranscriptionFailed("transcription provider answered HTTP " + status + ": "
                    + new String(answer, StandardCharsets.UTF_8));
        }
        return transcriptOf(answer);
    }

    /** The verbose_json answer: {@code text}, {@code language}, {@code duration} (seconds). */
    static Transcript transcriptOf(byte[] answer) {
        JsonNode json;
        try {
            json = JSON.readTree(answer);
        } catch (IOException e) {
            throw new TranscriptionFailed("transcription answer is not JSON: " + e.getMessage(), e);
        }
        if (json == null || !json.path("text").isTextual()) {
            throw new TranscriptionFailed("transcription answer has no text");
        }
        double duration = json.path("duration").asDouble(0);
        if (!(duration > 0)) {
            throw new TranscriptionFailed("transcription answer has no duration (ask for verbose_json)");
        }
        String language =
                json.path("language").isTextual() ? json.get("language").asText() : null;
        return new Transcript(json.get("text").asText().strip(), language, duration);
    }

    private byte[] multipart(String boundary, byte[] audio, String contentType, String fileName) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(audio.length + 1024);
        field(out, boundary, "model", config.model());
        field(out, boundary, "response_format", "verbose_json");
        write(
                out,
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
        out.writeBytes(audio);
        write(out, "\r\n--" + boundary + "--\r\n");
        return out.toByteArray();
    }

    private static void field(ByteArrayOutputStream out, String boundary, String name, String value) {
        write(
                out,
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
