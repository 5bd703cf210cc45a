package com.vibrationfit.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StripeProtocolStubTest {

    private static final String KEY = "sk_test_unit";
    private static final String SECRET = "whsec_unit";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    // How many of the next deliveries the endpoint answers 500 to.
    private final AtomicInteger failures = new AtomicInteger();
    private HttpServer receiver;
    private StripeProtocolStub stripe;
    private String customerId;

    private record Delivery(String signature, String body) {}

    @BeforeEach
    void start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/webhooks/stripe", exchange -> {
            deliveries.add(new Delivery(
                    exchange.getRequestHeaders().getFirst("Stripe-Signature"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            int status = failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        stripe = StripeProtocolStub.start(
                KEY, "http://127.0.0.1:" + receiver.getAddress().getPort() + "/webhooks/stripe", SECRET);
    }

    @AfterEach
    void stop() {
        stripe.close();
        receiver.stop(0);
    }

    @Test
    void shouldRefuseARequestWithoutTheApiKey() throws Exception {
        HttpResponse<String> none = http.send(
                HttpRequest.newBuilder(URI.create(stripe.baseUrl() + "/v1/customers"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("email=a%40b.c"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> wrong = post("/v1/customers", Map.of("email", "a@b.c"), "sk_test_other", null);

        for (HttpResponse<String> response : List.of(none, wrong)) {
            assertEquals(401, response.statusCode());
            JsonNode error = JSON.readTree(response.body()).path("error");
            assertEquals("invalid_request_error", error.path("type").asText());
            assertEquals("Invalid API Key provided", error.path("message").asText());
        }
    }

    @Test
    void shouldSendSignedEventsInOrderWhenACheckoutSessionIsPaid() throws Exception {
        String customer = create("/v1/customers", Map.of("email", "a@b.c", "metadata[user_id]", "u1"));
        Map<String, String> form = new LinkedHashMap<>();
        form.put("mode", "payment");
        form.put("customer", customer);
        form.put("client_reference_id", "u1");
        form.put("success_url", "https://app.test/done?session={CHECKOUT_SESSION_ID}");
        form.put("cancel_url", "https://app.test/cancelled");
        form.put("line_items[0][price_data][currency]", "eur");
        form.put("line_items[0][price_data][unit_amount]", "1299");
        form.put("line_items[0][price_data][product_data][name]", "Credits & more");
        form.put("line_items[0][quantity]", "1");
        form.put("metadata[purchase_id]", "p-1");
        form.put("payment_intent_data[metadata][purchase_id]", "p-1");
        HttpResponse<String> created = post("/v1/checkout/sessions", form, KEY, null);
        assertEquals(200, created.statusCode(), created.body());
        JsonNode session = JSON.readTree(created.body());
        assertEquals("open", session.path("status").asText());
        assertEquals(1299, session.path("amount_total").asLong());
        assertEquals("p-1", stripe.requests("/v1/checkout/sessions").get(0).get("metadata[purchase_id]"));

        stripe.pay(session.path("id").asText());

        List<Delivery> received = await(2);
        assertEquals(
                List.of("payment_intent.succeeded", "checkout.session.completed"),
                received.stream().map(d -> type(d.body())).toList());
        for (Delivery delivery : received) {
            Map<String, String> signature = Arrays.stream(delivery.signature().split(","))
                    .map(part -> part.split("=", 2))
                    .collect(Collectors.toMap(kv -> kv[0], kv -> kv[1]));
            assertEquals(
                    hmac(SECRET, signature.get("t") + "." + delivery.body()),
                    signature.get("v1"),
                    "the signature Stripe's libraries verify");
        }
        JsonNode intent = JSON.readTree(received.get(0).body()).path("data").path("object");
        assertEquals("succeeded", intent.path("status").asText());
        assertEquals("p-1", intent.path("metadata").path("purchase_id").asText());
        JsonNode completed = JSON.readTree(received.get(1).body()).path("data").path("object");
        assertEquals("complete", completed.path("status").asText());
        assertEquals("paid", completed.path("payment_status").asText());
        assertEquals(
                intent.path("id").asText(), completed.path("payment_intent").asText());
    }

    @Test
    void shouldReplayTheSameAnswerForTheSameIdempotencyKey() throws Exception {
        String customer = create("/v1/customers", Map.of("email", "a@b.c"));
        Map<String, String> charge = charge(customer, "pm_card_visa");

        HttpResponse<String> first = post("/v1/payment_intents", charge, KEY, "usage-42");
        HttpResponse<String> again = post("/v1/payment_intents", charge, KEY, "usage-42");

        assertEquals(200, first.statusCode(), first.body());
        assertEquals(200, again.statusCode());
        assertEquals(first.body(), again.body());
        assertEquals("true", again.headers().firstValue("Idempotent-Replayed").orElse(""));
        assertEquals("succeeded", JSON.readTree(first.body()).path("status").asText());
        await(1);
        Thread.sleep(300); // a second event would have been queued right behind the first
        assertEquals(List.of("payment_intent.succeeded"), stripe.eventTypes());
    }

    @Test
    void shouldDeclineTheCardsOfADecliningCustomer() throws Exception {
        String customer = create("/v1/customers", Map.of("email", "a@b.c"));
        stripe.declineCardsOf(customer);

        HttpResponse<String> response = post("/v1/payment_intents", charge(customer, "pm_card_visa"), KEY, null);

        assertEquals(402, response.statusCode());
        JsonNode error = JSON.readTree(response.body()).path("error");
        assertEquals("card_error", error.path("type").asText());
        assertEquals("card_declined", error.path("code").asText());
        assertEquals(
                "requires_payment_method",
                error.path("payment_intent").path("status").asText());
        assertEquals("payment_intent.payment_failed", type(await(1).get(0).body()));
    }

    @Test
    void shouldChargeOffSessionOnlyACardCheckoutSaved() throws Exception {
        String saved = paidCheckoutCard(true);
        String unsaved = paidCheckoutCard(false);

        String customer = customerId;
        HttpResponse<String> again = post("/v1/payment_intents", charge(customer, saved), KEY, null);
        HttpResponse<String> spent = post("/v1/payment_intents", charge(customer, unsaved), KEY, null);
        Map<String, String> noCard = charge(customer, "");
        noCard.remove("payment_method");
        HttpResponse<String> withoutCard = post("/v1/payment_intents", noCard, KEY, null);

        assertEquals(200, again.statusCode(), again.body());
        assertEquals(400, spent.statusCode(), "Stripe refuses a card used once without a customer: " + spent.body());
        assertEquals(400, withoutCard.statusCode(), "Stripe charges no default card here: " + withoutCard.body());
        assertEquals(
                "payment_method",
                JSON.readTree(withoutCard.body()).path("error").path("param").asText());
    }

    @Test
    void shouldRetryAnEventUntilTheEndpointAcceptsIt() throws Exception {
        failures.set(2);
        String customer = create("/v1/customers", Map.of("email", "a@b.c"));

        post("/v1/payment_intents", charge(customer, "pm_card_visa"), KEY, null);

        List<Delivery> received = await(3);
        List<String> ids = new ArrayList<>();
        for (Delivery delivery : received) {
            ids.add(JSON.readTree(delivery.body()).path("id").asText());
        }
        assertEquals(1, ids.stream().distinct().count(), "the same event each time: " + ids);
        assertEquals(1, stripe.sentEvents().size());
    }

    @Test
    void shouldServeTheHostedPageWithItsPayButton() throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("mode", "subscription");
        form.put("success_url", "https://app.test/done");
        form.put("line_items[0][price_data][currency]", "eur");
        form.put("line_items[0][price_data][unit_amount]", "999");
        form.put("line_items[0][price_data][product_data][name]", "Plus");
        form.put("line_items[0][price_data][recurring][interval]", "month");
        form.put("line_items[0][quantity]", "1");
        JsonNode session =
                JSON.readTree(post("/v1/checkout/sessions", form, KEY, null).body());

        HttpResponse<String> page = http.send(
                HttpRequest.newBuilder(URI.create(session.path("url").asText()))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("id=\"pay\""), page.body());
        assertTrue(page.body().contains("9.99 EUR"), page.body());
    }

    /** Pays a payment-mode session of a (shared) customer; returns the card it was paid with. */
    private String paidCheckoutCard(boolean saveCard) throws Exception {
        if (customerId == null) {
            customerId = create("/v1/customers", Map.of("email", "a@b.c"));
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("mode", "payment");
        form.put("customer", customerId);
        form.put("success_url", "https://app.test/done");
        form.put("line_items[0][price_data][currency]", "eur");
        form.put("line_items[0][price_data][unit_amount]", "500");
        form.put("line_items[0][price_data][product_data][name]", "Pack");
        form.put("line_items[0][quantity]", "1");
        if (saveCard) {
            form.put("payment_intent_data[setup_future_usage]", "off_session");
        }
        String session = create("/v1/checkout/sessions", form);
        stripe.pay(session);
        String intent = stripe.object(session).get("payment_intent").toString();
        return stripe.object(intent).get("payment_method").toString();
    }

    private static Map<String, String> charge(String customer, String paymentMethod) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("amount", "700");
        form.put("currency", "eur");
        form.put("customer", customer);
        form.put("payment_method", paymentMethod);
        form.put("off_session", "true");
        form.put("confirm", "true");
        form.put("metadata[usage_id]", "u-7");
        return form;
    }

    private String create(String path, Map<String, String> form) throws Exception {
        HttpResponse<String> response = post(path, form, KEY, null);
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body()).path("id").asText();
    }

    private HttpResponse<String> post(String path, Map<String, String> form, String key, String idempotencyKey)
            throws Exception {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stripe.baseUrl() + path))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Waits for the endpoint to have received this many deliveries (retries wait 0.5 s, then 1 s). */
    private List<Delivery> await(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (deliveries.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(count, deliveries.size(), "deliveries: " + deliveries);
        return List.copyOf(deliveries);
    }

    private static String type(String event) {
        try {
            return JSON.readTree(event).path("type").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hmac(String secret, String payload) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    }
}
