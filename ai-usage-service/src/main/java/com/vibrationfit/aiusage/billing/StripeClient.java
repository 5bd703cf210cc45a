package com.vibrationfit.aiusage.billing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Stripe's API as it is spoken: form-encoded requests with bracketed keys, the secret key as bearer, and an
 * {@code Idempotency-Key} on every create, so a retry after a lost answer (a timeout, this service killed) returns
 * the object already made instead of charging twice.
 */
@ApplicationScoped
public class StripeClient {

    /** The provider refused a card (HTTP 402): final for this charge. */
    public static final class CardDeclined extends RuntimeException {
        CardDeclined(String message) {
            super(message);
        }
    }

    /** The provider could not be reached or failed (transient: retry with the same idempotency key). */
    public static class Unreachable extends RuntimeException {
        Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The provider has no such object (HTTP 404). */
    static final class Missing extends Unreachable {
        Missing(String message) {
            super(message, null);
        }
    }

    @Inject
    BillingConfig config;

    @Inject
    ObjectMapper json;

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public boolean configured() {
        return config.stripe().apiKey().filter(k -> !k.isBlank()).isPresent();
    }

    /** 503 for a member's request when payments are not configured here. */
    public void requireConfigured() {
        if (!configured()) {
            throw new PaymentsUnavailable("payments are not configured on this platform (vf.billing.stripe.api-key)");
        }
    }

    public JsonNode post(String path, Map<String, String> form, String idempotencyKey) {
        HttpRequest.Builder request = request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request.build());
    }

    public JsonNode get(String path) {
        return send(request(path).GET().build());
    }

    /** Deletes the object; false when the provider has no such object (deleted before: the same end). */
    public boolean deleteIfPresent(String path) {
        try {
            send(request(path).DELETE().build());
            return true;
        } catch (Missing e) {
            return false;
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(config.stripe().baseUrl() + path))
                .timeout(config.stripe().timeout())
                .header("Authorization", "Bearer " + config.stripe().apiKey().orElseThrow())
                .header("Stripe-Version", "2024-06-20");
    }

    private JsonNode send(HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Unreachable("the payment provider could not be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable("interrupted while calling the payment provider", e);
        }
        JsonNode body;
        try {
            body = json.readTree(response.body());
        } catch (IOException e) {
            throw new Unreachable("the payment provider answered HTTP " + response.statusCode() + " with no JSON", e);
        }
        int status = response.statusCode();
        if (status == 402) {
            throw new CardDeclined(body.path("error").path("message").asText("the card was declined"));
        }
        if (status == 404
                && "resource_missing".equals(body.path("error").path("code").asText())) {
            throw new Missing(body.path("error").path("message").asText("no such object"));
        }
        if (status >= 400) {
            // 4xx other than 402 is a request this service got wrong: as unavailable as the provider being down,
            // and logged with Stripe's own message so an operator sees it.
            throw new Unreachable(
                    "the payment provider answered HTTP " + status + ": "
                            + body.path("error").path("message").asText(""),
                    null);
        }
        return body;
    }

    static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
