package com.vibrationfit.media.speech;

import com.vibrationfit.platform.http.BoundedBody;
import com.vibrationfit.platform.http.ResponseCutOff;
import com.vibrationfit.platform.http.ResponseLimits;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The HTTP exchange shared by the cloud providers: POST JSON, expect MP3 bytes, explain failures. */
final class HttpSpeech {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private HttpSpeech() {}

    /** Calls the provider within {@code limits}: a stall, a slow or an oversized answer fails instead of hanging. */
    static Speech post(String provider, HttpRequest.Builder request, String json, ResponseLimits limits) {
        HttpRequest built = request.timeout(limits.headerTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", "audio/mpeg")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build();
        byte[] body;
        int status;
        try {
            HttpResponse<InputStream> response = CLIENT.send(built, BoundedBody.handler(limits));
            status = response.statusCode();
            try (InputStream in = response.body()) {
                body = status / 100 == 2 ? in.readAllBytes() : in.readNBytes(300);
            }
        } catch (ResponseCutOff e) {
            throw new SpeechFailed(provider + " answer cut off: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new SpeechFailed(provider + " unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpeechFailed(provider + " call interrupted", e);
        }
        if (status / 100 != 2) {
            throw new SpeechFailed(
                    provider + " answered HTTP " + status + ": " + new String(body, StandardCharsets.UTF_8));
        }
        return new Speech(body, Mp3Duration.of(body));
    }

    /** A JSON string literal. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
