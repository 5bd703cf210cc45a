package com.vibrationfit.platform.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A Stripe API server as Stripe's protocol defines it, for tests of real client code: form-encoded {@code /v1}
 * requests with a secret key, Stripe's object and error shapes, {@code Idempotency-Key} replay, a hosted Checkout
 * page with a good and a declined card, and webhooks signed like Stripe's ({@code Stripe-Signature: t=..,v1=..})
 * delivered in order and retried until the endpoint answers 2xx.
 *
 * <p>Only the JDK is used, so the same file also runs alone as the local platform's Stripe:
 * {@code java StripeProtocolStub.java --port 12111 --api-key sk_test_local --webhook-url http://.. --webhook-secret
 * whsec_local --public-url http://127.0.0.1:12111}.
 *
 * <p>Where Stripe is stricter than one might guess, the stub is too: Checkout never sets a customer's
 * {@code invoice_settings.default_payment_method}, and a PaymentIntent confirmed without {@code payment_method}
 * fails even when the customer has a saved card (Stripe uses that default for invoices only), so client code that
 * passes here does not fail on Stripe.
 */
public final class StripeProtocolStub implements AutoCloseable {

    public static final String API_VERSION = "2024-06-20";

    private static final Duration FIRST_RETRY = Duration.ofMillis(500);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(8);
    private static final Duration RETRY_FOR = Duration.ofMinutes(10);
    private static final String DECLINED = "Your card was declined.";
    // Stripe's test PaymentMethods a client may pass instead of a saved card.
    private static final String TEST_CARD = "pm_card_visa";
    private static final Set<String> TEST_DECLINED_CARDS =
            Set.of("pm_card_chargeDeclined", "pm_card_visa_chargeDeclined");
    private static final Set<String> ZERO_DECIMAL = Set.of(
            "bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof",
            "xpf");
    // Stripe's smallest charges for the currencies we bill in; others are not checked.
    private static final Map<String, Long> MINIMUM_CHARGE = Map.of("usd", 50L, "eur", 50L, "gbp", 30L, "chf", 50L);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /** One line of a Checkout Session, as its {@code price_data} described it. */
    private record Item(String name, String currency, long unitAmount, long quantity, String interval, int every) {
        long amount() {
            return unitAmount * quantity;
        }

        boolean recurring() {
            return interval != null;
        }
    }

    /** What a Checkout Session was created with beyond its visible fields. */
    private record Checkout(
            List<Item> items,
            String setupFutureUsage,
            Map<String, Object> paymentIntentMetadata,
            String paymentIntentDescription,
            Map<String, Object> subscriptionMetadata,
            String customerEmail) {}

    /** How a subscription renews: periods are counted from the anchor, as Stripe does (Jan 31, Feb 29, Mar 31). */
    private static final class Plan {
        final List<Item> items;
        final long anchor;
        int cycle;

        Plan(List<Item> items, long anchor) {
            this.items = items;
            this.anchor = anchor;
        }

        Item recurring() {
            return items.stream().filter(Item::recurring).findFirst().orElseThrow();
        }

        long amount() {
            return items.stream()
                    .filter(Item::recurring)
                    .mapToLong(Item::amount)
                    .sum();
        }

        long boundary(int k) {
            Item item = recurring();
            ZonedDateTime start = Instant.ofEpochSecond(anchor).atZone(ZoneOffset.UTC);
            long n = (long) k * item.every();
            ZonedDateTime boundary = switch (item.interval()) {
                case "day" -> start.plusDays(n);
                case "week" -> start.plusWeeks(n);
                case "month" -> start.plusMonths(n);
                default -> start.plusYears(n);
            };
            return boundary.toEpochSecond();
        }
    }

    private record Received(String method, String path, Map<String, String> form) {}

    private record Event(String id, String type, String json) {}

    private record Saved(String request, int status, String body) {}

    private record Reply(int status, String contentType, String body, Map<String, String> headers) {
        static Reply json(int status, Object value) {
            return new Reply(status, "application/json", Json.write(value), Map.of());
        }

        static Reply html(int status, String page) {
            return new Reply(status, "text/html; charset=utf-8", page, Map.of());
        }

        static Reply redirect(String location) {
            return new Reply(303, "text/plain", "", Map.of("Location", location));
        }
    }

    /** A Stripe error answer: {@code {"error":{"type":..,"message":..}}} with an HTTP status. */
    static final class StripeError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;
        final Map<String, Object> error;

        StripeError(int status, String type, String code, String param, String message) {
            super(message);
            this.status = status;
            this.error = new LinkedHashMap<>();
            if (code != null) {
                error.put("code", code);
            }
            error.put("message", message);
            if (param != null) {
                error.put("param", param);
            }
            error.put("type", type);
        }

        static StripeError invalid(String param, String message) {
            return new StripeError(400, "invalid_request_error", null, param, message);
        }

        static StripeError missingParam(String param) {
            return new StripeError(
                    400, "invalid_request_error", "parameter_missing", param, "Missing required param: " + param + ".");
        }

        /** An id in the URL that names nothing (404), or one passed as a parameter (400). */
        static StripeError noSuch(String object, String id, String param) {
            return new StripeError(
                    param == null ? 404 : 400,
                    "invalid_request_error",
                    "resource_missing",
                    param == null ? "id" : param,
                    "No such " + object + ": '" + id + "'");
        }

        Map<String, Object> body() {
            return Map.of("error", error);
        }
    }

    private final HttpServer server;
    private final String apiKey;
    private final String webhookSecret;
    private final String publicUrl;
    private volatile String webhookUrl;
    private final Object lock = new Object();
    private final Map<String, Map<String, Object>> objects = new ConcurrentHashMap<>();
    private final Set<String> deletedCustomers = ConcurrentHashMap.newKeySet();
    private final Map<String, Checkout> checkouts = new ConcurrentHashMap<>();
    private final Map<String, Plan> plans = new ConcurrentHashMap<>();
    private final Map<String, Event> events = new ConcurrentHashMap<>();
    private final Map<String, Saved> idempotent = new ConcurrentHashMap<>();
    private final Set<String> decliningCustomers = ConcurrentHashMap.newKeySet();
    // Cards used once without being attached to a customer: Stripe refuses them afterwards.
    private final Set<String> spentCards = ConcurrentHashMap.newKeySet();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Event> sent = new CopyOnWriteArrayList<>();
    // One thread, so events reach the endpoint in the order they happened, a retried one holding back the rest.
    private final ExecutorService deliveries = Executors.newSingleThreadExecutor(daemon("stripe-stub-webhooks"));
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    // The request being answered (under the lock), named in the events it causes as Stripe does.
    private Map<String, Object> currentRequest = requestInfo(null, null);

    private StripeProtocolStub(
            HttpServer server, String apiKey, String webhookUrl, String webhookSecret, String publicUrl) {
        this.server = server;
        this.apiKey = apiKey;
        this.webhookUrl = webhookUrl;
        this.webhookSecret = webhookSecret;
        this.publicUrl = publicUrl != null ? stripSlash(publicUrl) : baseUrl();
    }

    /** Starts on a free port of 127.0.0.1; the hosted Checkout pages are served from {@link #baseUrl()}. */
    public static StripeProtocolStub start(String apiKey, String webhookUrl, String webhookSecret) {
        return start("127.0.0.1", 0, apiKey, webhookUrl, webhookSecret, null);
    }

    /**
     * Starts on {@code host:port} (0: a free one). {@code publicUrl} is where browsers reach the stub (the base of
     * each session's {@code url}); null means {@link #baseUrl()}.
     */
    public static StripeProtocolStub start(
            String host, int port, String apiKey, String webhookUrl, String webhookSecret, String publicUrl) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
            StripeProtocolStub stub = new StripeProtocolStub(server, apiKey, webhookUrl, webhookSecret, publicUrl);
            server.createContext("/", stub::handle);
            server.setExecutor(Executors.newCachedThreadPool(daemon("stripe-stub")));
            server.start();
            return stub;
        } catch (IOException e) {
            throw new IllegalStateException("could not start the Stripe protocol stub", e);
        }
    }

    /** {@code http://127.0.0.1:<port>}: what a Stripe client's API base is set to (it appends {@code /v1/..}). */
    public String baseUrl() {
        InetSocketAddress address = server.getAddress();
        return "http://" + address.getHostString() + ":" + address.getPort();
    }

    /** Where events go from now on (also the retries of one being delivered); null: nowhere. */
    public void webhookUrl(String url) {
        webhookUrl = url;
    }

    /** The form (or, for GET and DELETE, query) parameters of every request whose path starts with the prefix. */
    public List<Map<String, String>> requests(String pathPrefix) {
        return received.stream()
                .filter(r -> r.path().startsWith(pathPrefix))
                .map(Received::form)
                .toList();
    }

    /** The JSON of every event delivered or being delivered, in order; a resent event appears again. */
    public List<String> sentEvents() {
        return sent.stream().map(Event::json).toList();
    }

    /** The types of {@link #sentEvents()}. */
    public List<String> eventTypes() {
        return sent.stream().map(Event::type).toList();
    }

    /** A copy of the current object with this id (customer, session, payment intent, charge, invoice, ...). */
    public Map<String, Object> object(String id) {
        synchronized (lock) {
            Map<String, Object> object = objects.get(id);
            if (object == null) {
                throw new IllegalArgumentException("no object " + id);
            }
            return copy(object);
        }
    }

    /** Whether the customer was deleted through the API. */
    public boolean customerDeleted(String customerId) {
        return deletedCustomers.contains(customerId);
    }

    /** The hosted page's "Pay" with the good card (4242 4242 4242 4242). */
    public void pay(String checkoutSessionId) {
        control(() -> completeCheckout(checkoutSessionId));
    }

    /** The hosted page's "Pay" with a card that is declined: the session stays open. */
    public void payDeclined(String checkoutSessionId) {
        control(() -> declineCheckout(checkoutSessionId));
    }

    /**
     * The subscription's next period begins: an invoice paid with its card ({@code invoice.paid}); if the customer's
     * cards decline, as {@link #failRenewal}; if it was set to cancel at period end, it ends instead
     * ({@code customer.subscription.deleted}) and this returns null. Otherwise returns the invoice id.
     */
    public String renew(String subscriptionId) {
        return control(() -> renewSubscription(subscriptionId, false));
    }

    /** The next period begins and its payment fails: an open invoice, {@code invoice.payment_failed}, past_due. */
    public String failRenewal(String subscriptionId) {
        return control(() -> renewSubscription(subscriptionId, true));
    }

    /** Refunds the payment in full ({@code charge.refunded}); returns the charge id. */
    public String refund(String paymentIntentId) {
        return control(() -> refundPayment(paymentIntentId));
    }

    /** From now on every saved card of this customer is declined. */
    public void declineCardsOf(String customerId) {
        control(() -> {
            find(customerId, "customer", null);
            decliningCustomers.add(customerId);
            return null;
        });
    }

    /** Delivers the event again: the same id and body, a fresh signature. */
    public void resend(String eventId) {
        Event event = events.get(eventId);
        if (event == null) {
            throw new IllegalArgumentException("no event " + eventId);
        }
        deliver(event);
    }

    @Override
    public void close() {
        server.stop(0);
        deliveries.shutdownNow();
    }

    /** Runs the stub alone: {@code --port --api-key --webhook-url --webhook-secret --public-url [--host]}. */
    public static void main(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 == args.length) {
                System.err.println("usage: StripeProtocolStub --port 12111 --api-key sk_test_local"
                        + " [--webhook-url URL --webhook-secret whsec_..] [--public-url URL] [--host 127.0.0.1]");
                System.exit(2);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        StripeProtocolStub stub = start(
                options.getOrDefault("host", "127.0.0.1"),
                Integer.parseInt(options.getOrDefault("port", "12111")),
                options.getOrDefault("api-key", "sk_test_local"),
                options.get("webhook-url"),
                options.getOrDefault("webhook-secret", "whsec_local"),
                options.get("public-url"));
        Runtime.getRuntime().addShutdownHook(new Thread(stub::close));
        System.out.println("Stripe protocol stub on " + stub.baseUrl() + " (pages at " + stub.publicUrl
                + "), webhooks to " + stub.webhookUrl);
        // The server's dispatcher thread is not a daemon: the program runs until it is stopped.
    }

    // ---------------------------------------------------------------------------------------------- HTTP

    private void handle(HttpExchange exchange) throws IOException {
        Reply reply;
        try {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> form = Form.parse(body);
            form.putAll(Form.parse(exchange.getRequestURI().getRawQuery()));
            received.add(new Received(method, path, Map.copyOf(form)));
            if (path.startsWith("/v1/")) {
                reply = api(exchange, method, path, form);
            } else if (path.startsWith("/checkout/")) {
                reply = hosted(method, path);
            } else if (path.startsWith("/test/")) {
                reply = testControl(method, path);
            } else {
                reply = Reply.json(404, unrecognized(method, path).body());
            }
        } catch (StripeError e) {
            reply = Reply.json(e.status, e.body());
        } catch (RuntimeException e) {
            reply = Reply.json(500, new StripeError(500, "api_error", null, null, "stub failure: " + e).body());
        }
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        exchange.getResponseHeaders().set("Request-Id", "req_" + random(14));
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private Reply api(HttpExchange exchange, String method, String path, Map<String, String> form) {
        if (!authorized(exchange.getRequestHeaders().getFirst("Authorization"))) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("type", "invalid_request_error");
            error.put("message", "Invalid API Key provided");
            return new Reply(
                    401,
                    "application/json",
                    Json.write(Map.of("error", error)),
                    Map.of("WWW-Authenticate", "Basic realm=\"Stripe\""));
        }
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        String version = exchange.getRequestHeaders().getFirst("Stripe-Version");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Stripe-Version", version == null ? API_VERSION : version);
        synchronized (lock) {
            String request = method + " " + path + " " + new TreeMap<>(form);
            if ("POST".equals(method) && key != null) {
                headers.put("Idempotency-Key", key);
                Saved saved = idempotent.get(key);
                if (saved != null) {
                    if (!saved.request().equals(request)) {
                        return new Reply(
                                400,
                                "application/json",
                                Json.write(new StripeError(
                                                400,
                                                "idempotency_error",
                                                null,
                                                null,
                                                "Keys for idempotent requests can only be used with the same parameters"
                                                        + " they were first used with. Try using a key other than '"
                                                        + key + "' if you meant to execute a different request.")
                                        .body()),
                                headers);
                    }
                    headers.put("Idempotent-Replayed", "true");
                    return new Reply(saved.status(), "application/json", saved.body(), headers);
                }
            }
            currentRequest = requestInfo("req_" + random(14), key);
            int status;
            String body;
            try {
                status = 200;
                body = Json.write(route(method, path, form));
            } catch (StripeError e) {
                status = e.status;
                body = Json.write(e.body());
            } finally {
                currentRequest = requestInfo(null, null);
            }
            // Stripe keeps the result once the endpoint has run (a success or a declined card), not a rejected
            // request: retrying with the same key then returns the very same answer and charges nothing again.
            if ("POST".equals(method) && key != null && (status == 200 || status == 402)) {
                idempotent.put(key, new Saved(request, status, body));
            }
            return new Reply(status, "application/json", body, headers);
        }
    }

    private boolean authorized(String authorization) {
        if (authorization == null) {
            return false;
        }
        if (authorization.startsWith("Bearer ")) {
            return authorization.substring(7).trim().equals(apiKey);
        }
        if (authorization.startsWith("Basic ")) { // curl -u sk_test_..: as Stripe's docs show
            try {
                String user = new String(
                        Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
                return user.equals(apiKey + ":") || user.equals(apiKey);
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return false;
    }

    private Object route(String method, String path, Map<String, String> form) {
        String[] p = path.substring("/v1/".length()).split("/");
        String resource = p[0];
        boolean get = method.equals("GET");
        boolean post = method.equals("POST");
        if (resource.equals("checkout") && p.length > 1 && p[1].equals("sessions")) {
            if (p.length == 2 && post) {
                return createCheckoutSession(form);
            }
            if (p.length == 3 && get) {
                return find(p[2], "checkout.session", null);
            }
            if (p.length == 4 && post && p[3].equals("expire")) {
                return expireCheckoutSession(p[2]);
            }
        }
        if (p.length == 1 && post && resource.equals("customers")) {
            return createCustomer(form);
        }
        if (p.length == 1 && post && resource.equals("payment_intents")) {
            return createPaymentIntent(form);
        }
        if (p.length == 1 && get && resource.equals("payment_methods")) {
            String customer = form.get("customer");
            if (customer == null) {
                throw StripeError.missingParam("customer");
            }
            find(customer, "customer", "customer");
            return paymentMethodsOf(customer);
        }
        if (p.length == 3 && get && resource.equals("customers") && p[2].equals("payment_methods")) {
            find(p[1], "customer", null);
            return paymentMethodsOf(p[1]);
        }
        if (p.length == 2 && resource.equals("customers") && post) {
            return updateCustomer(p[1], form);
        }
        if (p.length == 2 && resource.equals("subscriptions") && post) {
            return updateSubscription(p[1], form);
        }
        if (p.length == 2 && resource.equals("customers") && method.equals("DELETE")) {
            return deleteCustomer(p[1]);
        }
        if (p.length == 2 && get && resource.equals("customers") && deletedCustomers.contains(p[1])) {
            return deletedCustomer(p[1]);
        }
        if (p.length == 2 && resource.equals("subscriptions") && method.equals("DELETE")) {
            return cancelSubscription(p[1]);
        }
        Map<String, String> types = Map.of(
                "customers", "customer",
                "payment_intents", "payment_intent",
                "charges", "charge",
                "subscriptions", "subscription",
                "invoices", "invoice",
                "payment_methods", "payment_method",
                "events", "event");
        if (p.length == 2 && get && types.containsKey(resource)) {
            if (resource.equals("events")) {
                Event event = events.get(p[1]);
                if (event == null) {
                    throw StripeError.noSuch("event", p[1], null);
                }
                return new Json.Raw(event.json());
            }
            return find(p[1], types.get(resource), null);
        }
        throw unrecognized(method, path);
    }

    private static StripeError unrecognized(String method, String path) {
        StripeError error = new StripeError(
                404,
                "invalid_request_error",
                null,
                null,
                "Unrecognized request URL (" + method + ": " + path + "). Please see https://stripe.com/docs.");
        return error;
    }

    private Reply hosted(String method, String path) {
        String[] p = path.substring("/checkout/".length()).split("/");
        Map<String, Object> session = objects.get(p[0]);
        if (session == null || !"checkout.session".equals(session.get("object"))) {
            return Reply.html(404, page("Not found", "<p>There is no Checkout Session " + Html.escape(p[0]) + ".</p>"));
        }
        String id = p[0];
        if (p.length == 1 && method.equals("GET")) {
            synchronized (lock) {
                return Reply.html(200, checkoutPage(id, null));
            }
        }
        if (p.length == 2 && method.equals("POST") && (p[1].equals("pay") || p[1].equals("decline"))) {
            try {
                if (p[1].equals("pay")) {
                    control(() -> completeCheckout(id));
                    return Reply.redirect(((String) session.get("success_url")).replace("{CHECKOUT_SESSION_ID}", id));
                }
                synchronized (lock) {
                    control(() -> declineCheckout(id));
                    return Reply.html(200, checkoutPage(id, DECLINED));
                }
            } catch (IllegalStateException e) {
                return Reply.html(409, page("Checkout", "<p id=\"error\">" + Html.escape(e.getMessage()) + "</p>"));
            }
        }
        return Reply.html(404, page("Not found", "<p>Not found.</p>"));
    }

    private Reply testControl(String method, String path) {
        String[] p = path.substring("/test/".length()).split("/");
        if (p.length == 1 && p[0].equals("events") && method.equals("GET")) {
            return Reply.json(
                    200, sent.stream().map(e -> new Json.Raw(e.json())).toList());
        }
        if (!method.equals("POST") || p.length != 3) {
            throw unrecognized(method, path);
        }
        String id = p[1];
        String action = p[0] + "/" + p[2];
        Object result;
        try {
            result = switch (action) {
                case "checkout/pay" -> control(() -> completeCheckout(id));
                case "checkout/decline" -> control(() -> declineCheckout(id));
                case "subscriptions/renew" -> control(() -> renewSubscription(id, false));
                case "subscriptions/fail" -> control(() -> renewSubscription(id, true));
                case "payment_intents/refund" -> control(() -> refundPayment(id));
                case "customers/decline" ->
                    control(() -> {
                        find(id, "customer", null);
                        decliningCustomers.add(id);
                        return id;
                    });
                case "events/resend" -> {
                    resend(id);
                    yield id;
                }
                default -> throw unrecognized(method, path);
            };
        } catch (IllegalArgumentException e) {
            throw StripeError.noSuch("object", id, null);
        } catch (IllegalStateException e) {
            throw StripeError.invalid(null, e.getMessage());
        }
        if (action.equals("events/resend")) {
            return Reply.json(200, new Json.Raw(events.get(id).json()));
        }
        // What the control made (a renewal's invoice, a refund's charge), else the object it acted on.
        String shown = result != null && !action.startsWith("checkout/") ? result.toString() : id;
        return Reply.json(200, object(shown));
    }

    /** Runs a control under the lock; Stripe errors become the exceptions a Java caller expects. */
    private <T> T control(Supplier<T> action) {
        synchronized (lock) {
            try {
                return action.get();
            } catch (StripeError e) {
                if (e.status == 404) {
                    throw new IllegalArgumentException(e.getMessage());
                }
                throw new IllegalStateException(e.getMessage());
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- the API

    private Map<String, Object> createCustomer(Map<String, String> form) {
        Map<String, Object> customer = newObject("cus_", "customer");
        customer.put("email", form.get("email"));
        customer.put("name", form.get("name"));
        customer.put("description", form.get("description"));
        customer.put("metadata", Form.subMap(form, "metadata"));
        Map<String, Object> invoiceSettings = new LinkedHashMap<>();
        invoiceSettings.put("default_payment_method", null);
        customer.put("invoice_settings", invoiceSettings);
        return customer;
    }

    /**
     * {@code DELETE /v1/customers/{id}}: gone for good, its active subscriptions canceled at once; reading it answers
     * {@code deleted: true}, deleting it again 404.
     */
    private Map<String, Object> deleteCustomer(String id) {
        Map<String, Object> customer = find(id, "customer", null);
        for (Map<String, Object> subscription : List.copyOf(objects.values())) {
            if ("subscription".equals(subscription.get("object"))
                    && id.equals(subscription.get("customer"))
                    && !"canceled".equals(subscription.get("status"))) {
                cancelSubscription((String) subscription.get("id"));
            }
        }
        objects.remove(id);
        deletedCustomers.add(id);
        event("customer.deleted", customer, null);
        return deletedCustomer(id);
    }

    private static Map<String, Object> deletedCustomer(String id) {
        Map<String, Object> deleted = new LinkedHashMap<>();
        deleted.put("id", id);
        deleted.put("object", "customer");
        deleted.put("deleted", true);
        return deleted;
    }

    private Map<String, Object> updateCustomer(String id, Map<String, String> form) {
        Map<String, Object> customer = find(id, "customer", null);
        for (String field : List.of("email", "name", "description")) {
            if (form.containsKey(field)) {
                customer.put(field, emptyToNull(form.get(field)));
            }
        }
        updateMetadata(customer, Form.subMap(form, "metadata"), form, "metadata");
        String defaultCard = form.get("invoice_settings[default_payment_method]");
        if (defaultCard != null) {
            if (!defaultCard.isEmpty()) {
                Map<String, Object> card = objects.get(defaultCard);
                if (card == null || !id.equals(card.get("customer"))) {
                    throw StripeError.invalid(
                            "invoice_settings[default_payment_method]",
                            "The customer does not have a payment method with the ID " + defaultCard
                                    + ". The payment method must be attached to the customer.");
                }
            }
            invoiceSettings(customer).put("default_payment_method", emptyToNull(defaultCard));
        }
        return customer;
    }

    private Map<String, Object> paymentMethodsOf(String customerId) {
        List<Object> cards = objects.values().stream()
                .filter(o -> "payment_method".equals(o.get("object")) && customerId.equals(o.get("customer")))
                .sorted((a, b) -> Long.compare((Long) b.get("created"), (Long) a.get("created")))
                .map(o -> (Object) o)
                .toList();
        return list(cards, "/v1/payment_methods");
    }

    private Map<String, Object> createCheckoutSession(Map<String, String> form) {
        String mode = form.get("mode");
        if (mode == null) {
            throw StripeError.missingParam("mode");
        }
        if (!mode.equals("payment") && !mode.equals("subscription")) {
            throw StripeError.invalid(
                    "mode", "Invalid mode: the stub takes payment or subscription (Stripe also has setup).");
        }
        String successUrl = form.get("success_url");
        if (successUrl == null) {
            throw StripeError.missingParam("success_url");
        }
        for (String param : List.of("success_url", "cancel_url")) {
            String url = form.get(param);
            if (url != null && !url.startsWith("http://") && !url.startsWith("https://")) {
                throw StripeError.invalid(param, "Not a valid URL");
            }
        }
        List<Item> items = lineItems(form);
        boolean recurring = items.stream().anyMatch(Item::recurring);
        if (mode.equals("subscription") && !recurring) {
            throw StripeError.invalid(
                    "line_items",
                    "You must provide at least one recurring price in `subscription` mode when using prices.");
        }
        if (mode.equals("payment") && recurring) {
            throw StripeError.invalid(
                    "line_items",
                    "You specified `payment` mode but passed a recurring price. Either switch to `subscription`"
                            + " mode or use only one-time prices.");
        }
        if (items.stream()
                        .filter(Item::recurring)
                        .map(i -> i.interval() + i.every())
                        .distinct()
                        .count()
                > 1) {
            throw StripeError.invalid(
                    "line_items", "Checkout does not support multiple prices with different" + " billing intervals.");
        }
        String currency = items.get(0).currency();
        if (items.stream().anyMatch(i -> !i.currency().equals(currency))) {
            throw StripeError.invalid("line_items", "All line items must use the same currency.");
        }
        boolean paymentIntentData = form.keySet().stream().anyMatch(k -> k.startsWith("payment_intent_data["));
        boolean subscriptionData = form.keySet().stream().anyMatch(k -> k.startsWith("subscription_data["));
        if (mode.equals("subscription") && paymentIntentData) {
            throw StripeError.invalid(
                    "payment_intent_data", "You can not pass `payment_intent_data` in `subscription` mode.");
        }
        if (mode.equals("payment") && subscriptionData) {
            throw StripeError.invalid("subscription_data", "You can not pass `subscription_data` in `payment` mode.");
        }
        String setupFutureUsage = form.get("payment_intent_data[setup_future_usage]");
        if (setupFutureUsage != null && !Set.of("off_session", "on_session").contains(setupFutureUsage)) {
            throw StripeError.invalid(
                    "payment_intent_data[setup_future_usage]",
                    "Invalid payment_intent_data[setup_future_usage]: must be one of on_session or off_session");
        }
        String customer = form.get("customer");
        if (customer != null) {
            find(customer, "customer", "customer");
        }
        long total = items.stream().mapToLong(Item::amount).sum();
        minimumCharge(total, currency, "line_items");

        Map<String, Object> session = newObject("cs_test_", "checkout.session");
        session.put("url", publicUrl + "/checkout/" + session.get("id"));
        session.put("status", "open");
        session.put("payment_status", "unpaid");
        session.put("mode", mode);
        session.put("customer", customer);
        session.put("customer_email", form.get("customer_email"));
        session.put("client_reference_id", form.get("client_reference_id"));
        session.put("metadata", Form.subMap(form, "metadata"));
        session.put("amount_subtotal", total);
        session.put("amount_total", total);
        session.put("currency", currency);
        session.put("payment_intent", null);
        session.put("subscription", null);
        session.put("invoice", null);
        session.put("success_url", successUrl);
        session.put("cancel_url", form.get("cancel_url"));
        session.put("expires_at", (Long) session.get("created") + 24 * 3600);
        checkouts.put(
                (String) session.get("id"),
                new Checkout(
                        items,
                        setupFutureUsage,
                        Form.subMap(form, "payment_intent_data[metadata]"),
                        form.get("payment_intent_data[description]"),
                        Form.subMap(form, "subscription_data[metadata]"),
                        form.get("customer_email")));
        return session;
    }

    private static List<Item> lineItems(Map<String, String> form) {
        List<Item> items = new ArrayList<>();
        while (true) {
            int i = items.size();
            String at = "line_items[" + i + "]";
            if (form.keySet().stream().noneMatch(k -> k.startsWith(at))) {
                break;
            }
            String data = at + "[price_data]";
            if (form.containsKey(at + "[price]")) {
                throw StripeError.invalid(
                        at + "[price]", "The stub takes line items as price_data only, not saved prices.");
            }
            String currency = form.get(data + "[currency]");
            if (currency == null) {
                throw StripeError.missingParam(data + "[currency]");
            }
            long unitAmount = integer(form, data + "[unit_amount]", true);
            String name = form.get(data + "[product_data][name]");
            if (name == null) {
                throw StripeError.missingParam(data + "[product_data][name]");
            }
            if (!form.containsKey(at + "[quantity]")) {
                throw StripeError.missingParam(at + "[quantity]");
            }
            long quantity = integer(form, at + "[quantity]", true);
            String interval = form.get(data + "[recurring][interval]");
            if (interval != null && !Set.of("day", "week", "month", "year").contains(interval)) {
                throw StripeError.invalid(
                        data + "[recurring][interval]",
                        "Invalid " + data + "[recurring][interval]: must be one of day, month, week, or year");
            }
            int every = form.containsKey(data + "[recurring][interval_count]")
                    ? (int) integer(form, data + "[recurring][interval_count]", true)
                    : 1;
            if (every < 1) {
                throw StripeError.invalid(data + "[recurring][interval_count]", "interval_count must be positive.");
            }
            items.add(new Item(name, currency.toLowerCase(Locale.ROOT), unitAmount, quantity, interval, every));
        }
        if (items.isEmpty()) {
            throw StripeError.missingParam("line_items");
        }
        return items;
    }

    private Map<String, Object> expireCheckoutSession(String id) {
        Map<String, Object> session = find(id, "checkout.session", null);
        if (!"open".equals(session.get("status"))) {
            throw StripeError.invalid(
                    null,
                    "Only Checkout Sessions with a status in [\"open\"] can be expired. This Checkout Session"
                            + " has a status of \"" + session.get("status") + "\".");
        }
        session.put("status", "expired");
        event("checkout.session.expired", session, null);
        return session;
    }

    private Map<String, Object> createPaymentIntent(Map<String, String> form) {
        if (!form.containsKey("amount")) {
            throw StripeError.missingParam("amount");
        }
        long amount = integer(form, "amount", true);
        String currency = form.get("currency");
        if (currency == null) {
            throw StripeError.missingParam("currency");
        }
        currency = currency.toLowerCase(Locale.ROOT);
        minimumCharge(amount, currency, "amount");
        String customer = form.get("customer");
        if (customer != null) {
            find(customer, "customer", "customer");
        }
        boolean confirm = "true".equals(form.get("confirm"));
        if ("true".equals(form.get("off_session")) && !confirm) {
            throw StripeError.invalid(
                    "off_session",
                    "You may only specify `off_session` when confirming a PaymentIntent (confirm=true).");
        }
        String paymentMethod = form.get("payment_method");
        boolean declines = customer != null && decliningCustomers.contains(customer);
        if (paymentMethod != null) {
            if (TEST_DECLINED_CARDS.contains(paymentMethod)) {
                paymentMethod = (String) newPaymentMethod(null, "0002").get("id");
                declines = true;
            } else if (paymentMethod.equals(TEST_CARD)) {
                paymentMethod = (String) newPaymentMethod(null, "4242").get("id");
            } else {
                Map<String, Object> card = objects.get(paymentMethod);
                if (card == null || !"payment_method".equals(card.get("object"))) {
                    throw StripeError.noSuch("PaymentMethod", paymentMethod, "payment_method");
                }
                Object owner = card.get("customer");
                if (owner == null && spentCards.contains(paymentMethod)) {
                    throw StripeError.invalid(
                            "payment_method",
                            "The provided PaymentMethod was previously used with a PaymentIntent without Customer"
                                    + " attachment, shared with a connected account without Customer attachment, or was"
                                    + " detached from a Customer. It may not be used again. To use a PaymentMethod"
                                    + " multiple times, you must attach it to a Customer first.");
                }
                if (owner != null && customer == null) {
                    throw StripeError.invalid(
                            "payment_method",
                            "The provided PaymentMethod was previously attached to a Customer. To use it, pass the"
                                    + " Customer's ID as `customer` too.");
                }
                if (owner != null && !owner.equals(customer)) {
                    throw StripeError.invalid(
                            "payment_method", "The provided PaymentMethod belongs to a different Customer.");
                }
                declines |= owner != null && decliningCustomers.contains(owner.toString());
            }
        }
        if (confirm && paymentMethod == null) {
            // Stripe does not fall back to invoice_settings.default_payment_method here: that is for invoices.
            throw StripeError.invalid(
                    "payment_method",
                    "You cannot confirm this PaymentIntent because it's missing a payment method. To confirm the"
                            + " PaymentIntent with " + (customer == null ? "a customer" : customer)
                            + ", specify a payment method attached to this customer along with the customer ID.");
        }
        Map<String, Object> intent = newPaymentIntent(amount, currency, customer, Form.subMap(form, "metadata"));
        intent.put("description", form.get("description"));
        intent.put("payment_method", paymentMethod);
        intent.put("setup_future_usage", form.get("setup_future_usage"));
        if (!confirm) {
            intent.put("status", paymentMethod == null ? "requires_payment_method" : "requires_confirmation");
            return intent;
        }
        if (declines) {
            Map<String, Object> charge = decline(intent);
            event("payment_intent.payment_failed", intent, null);
            StripeError error = new StripeError(402, "card_error", "card_declined", null, DECLINED);
            error.error.put("decline_code", "generic_decline");
            error.error.put("charge", charge.get("id"));
            error.error.put("doc_url", "https://stripe.com/docs/error-codes/card-declined");
            error.error.put("payment_intent", copy(intent));
            error.error.put("payment_method", copy(objects.get(paymentMethod)));
            throw error;
        }
        if (customer != null && form.get("setup_future_usage") != null) {
            objects.get(paymentMethod).put("customer", customer);
        }
        succeed(intent);
        event("payment_intent.succeeded", intent, null);
        return intent;
    }

    private Map<String, Object> updateSubscription(String id, Map<String, String> form) {
        Map<String, Object> subscription = find(id, "subscription", null);
        if ("canceled".equals(subscription.get("status"))) {
            throw StripeError.invalid(
                    null, "A canceled subscription can only update its cancellation_details and metadata.");
        }
        Map<String, Object> previous = new LinkedHashMap<>();
        String atPeriodEnd = form.get("cancel_at_period_end");
        if (atPeriodEnd != null) {
            boolean cancel = atPeriodEnd.equals("true");
            if (!atPeriodEnd.equals("true") && !atPeriodEnd.equals("false")) {
                throw StripeError.invalid("cancel_at_period_end", "Invalid boolean: " + atPeriodEnd);
            }
            if (!subscription.get("cancel_at_period_end").equals(cancel)) {
                previous.put("cancel_at_period_end", subscription.get("cancel_at_period_end"));
                previous.put("cancel_at", subscription.get("cancel_at"));
                previous.put("canceled_at", subscription.get("canceled_at"));
                subscription.put("cancel_at_period_end", cancel);
                subscription.put("cancel_at", cancel ? subscription.get("current_period_end") : null);
                subscription.put("canceled_at", cancel ? now() : null);
                subscription.put("cancellation_details", cancellation(cancel ? "cancellation_requested" : null));
            }
        }
        Map<String, Object> before = copy(metadata(subscription));
        if (updateMetadata(subscription, Form.subMap(form, "metadata"), form, "metadata")) {
            previous.put("metadata", before);
        }
        if (!previous.isEmpty()) {
            event("customer.subscription.updated", subscription, previous);
        }
        return subscription;
    }

    private Map<String, Object> cancelSubscription(String id) {
        Map<String, Object> subscription = find(id, "subscription", null);
        if ("canceled".equals(subscription.get("status"))) {
            throw StripeError.invalid(null, "This subscription has already been canceled: " + id);
        }
        long now = now();
        subscription.put("status", "canceled");
        subscription.put("canceled_at", now);
        subscription.put("ended_at", now);
        subscription.put("cancellation_details", cancellation("cancellation_requested"));
        event("customer.subscription.deleted", subscription, null);
        return subscription;
    }

    // ---------------------------------------------------------------------------------------------- what happens

    private String completeCheckout(String id) {
        Map<String, Object> session = find(id, "checkout.session", null);
        if (!"open".equals(session.get("status"))) {
            throw StripeError.invalid(null, "Checkout Session " + id + " is " + session.get("status") + ", not open.");
        }
        Checkout checkout = checkouts.get(id);
        boolean subscriptionMode = "subscription".equals(session.get("mode"));
        boolean saveCard = subscriptionMode || checkout.setupFutureUsage() != null;
        String customer = (String) session.get("customer");
        if (customer == null && saveCard) { // Checkout makes a customer when the card is kept
            Map<String, Object> created = newObject("cus_", "customer");
            created.put("email", checkout.customerEmail());
            created.put("name", null);
            created.put("description", null);
            created.put("metadata", new LinkedHashMap<>());
            Map<String, Object> invoiceSettings = new LinkedHashMap<>();
            invoiceSettings.put("default_payment_method", null);
            created.put("invoice_settings", invoiceSettings);
            customer = (String) created.get("id");
            session.put("customer", customer);
        }
        // Checkout attaches the card to the customer when it is kept, but (unlike what one might expect) never
        // makes it the customer's invoice_settings.default_payment_method; a subscription gets it as its own default.
        String card =
                (String) newPaymentMethod(saveCard ? customer : null, "4242").get("id");
        long total = (Long) session.get("amount_total");
        String currency = (String) session.get("currency");
        session.put("status", "complete");
        session.put("payment_status", "paid");
        if (!subscriptionMode) {
            Map<String, Object> intent = session.get("payment_intent") != null
                    ? objects.get((String) session.get("payment_intent"))
                    : newPaymentIntent(total, currency, customer, checkout.paymentIntentMetadata());
            intent.put("customer", customer);
            intent.put("description", checkout.paymentIntentDescription());
            intent.put("payment_method", card);
            intent.put("setup_future_usage", checkout.setupFutureUsage());
            succeed(intent);
            session.put("payment_intent", intent.get("id"));
            event("payment_intent.succeeded", intent, null);
            event("checkout.session.completed", session, null);
            return (String) intent.get("id");
        }
        Plan plan = new Plan(checkout.items(), now());
        Map<String, Object> subscription = newObject("sub_", "subscription");
        String subscriptionId = (String) subscription.get("id");
        plans.put(subscriptionId, plan);
        subscription.put("customer", customer);
        subscription.put("status", "active");
        subscription.put("metadata", new LinkedHashMap<>(checkout.subscriptionMetadata()));
        subscription.put("currency", currency);
        subscription.put("collection_method", "charge_automatically");
        subscription.put("default_payment_method", card);
        subscription.put("billing_cycle_anchor", plan.anchor);
        subscription.put("start_date", plan.anchor);
        subscription.put("cancel_at_period_end", false);
        subscription.put("cancel_at", null);
        subscription.put("canceled_at", null);
        subscription.put("ended_at", null);
        subscription.put("cancellation_details", cancellation(null));
        List<Object> subscriptionItems = new ArrayList<>();
        for (Item item : plan.items) {
            if (item.recurring()) {
                Map<String, Object> subscriptionItem = new LinkedHashMap<>();
                subscriptionItem.put("id", "si_" + random(14));
                subscriptionItem.put("object", "subscription_item");
                subscriptionItem.put("price", price(item));
                subscriptionItem.put("quantity", item.quantity());
                subscriptionItem.put("subscription", subscriptionId);
                subscriptionItems.add(subscriptionItem);
            }
        }
        subscription.put("items", list(subscriptionItems, "/v1/subscription_items?subscription=" + subscriptionId));
        setPeriod(subscription, plan);
        Map<String, Object> invoice = invoice(subscription, plan, "subscription_create", total, plan.items, false);
        session.put("subscription", subscriptionId);
        session.put("invoice", invoice.get("id"));
        event("customer.subscription.created", subscription, null);
        event("checkout.session.completed", session, null);
        event("invoice.paid", invoice, null);
        return subscriptionId;
    }

    private String declineCheckout(String id) {
        Map<String, Object> session = find(id, "checkout.session", null);
        if (!"open".equals(session.get("status"))) {
            throw StripeError.invalid(null, "Checkout Session " + id + " is " + session.get("status") + ", not open.");
        }
        Checkout checkout = checkouts.get(id);
        boolean paymentMode = "payment".equals(session.get("mode"));
        // In payment mode the session keeps one PaymentIntent across attempts, so a later good card pays it.
        Map<String, Object> intent = paymentMode && session.get("payment_intent") != null
                ? objects.get((String) session.get("payment_intent"))
                : newPaymentIntent(
                        (Long) session.get("amount_total"),
                        (String) session.get("currency"),
                        (String) session.get("customer"),
                        paymentMode ? checkout.paymentIntentMetadata() : Map.of());
        intent.put("payment_method", newPaymentMethod(null, "0002").get("id"));
        decline(intent);
        if (paymentMode) {
            session.put("payment_intent", intent.get("id"));
        }
        event("payment_intent.payment_failed", intent, null);
        return (String) intent.get("id");
    }

    private String renewSubscription(String id, boolean fail) {
        Map<String, Object> subscription = find(id, "subscription", null);
        String status = (String) subscription.get("status");
        if (!status.equals("active") && !status.equals("past_due")) {
            throw StripeError.invalid(null, "Subscription " + id + " is " + status + "; it does not renew.");
        }
        if (Boolean.TRUE.equals(subscription.get("cancel_at_period_end"))) {
            subscription.put("status", "canceled");
            subscription.put("ended_at", subscription.get("current_period_end"));
            event("customer.subscription.deleted", subscription, null);
            return null;
        }
        Plan plan = plans.get(id);
        plan.cycle++;
        setPeriod(subscription, plan);
        boolean declines = fail || decliningCustomers.contains((String) subscription.get("customer"));
        Map<String, Object> invoice = invoice(
                subscription,
                plan,
                "subscription_cycle",
                plan.amount(),
                plan.items.stream().filter(Item::recurring).toList(),
                declines);
        if (declines) {
            subscription.put("status", "past_due");
            event("invoice.payment_failed", invoice, null);
        } else {
            subscription.put("status", "active");
            event("invoice.paid", invoice, null);
        }
        return (String) invoice.get("id");
    }

    private String refundPayment(String id) {
        Map<String, Object> intent = find(id, "payment_intent", null);
        if (!"succeeded".equals(intent.get("status"))) {
            throw StripeError.invalid(null, "PaymentIntent " + id + " has not succeeded; there is nothing to refund.");
        }
        Map<String, Object> charge = objects.get((String) intent.get("latest_charge"));
        if (Boolean.TRUE.equals(charge.get("refunded"))) {
            throw StripeError.invalid(null, "Charge " + charge.get("id") + " has already been refunded.");
        }
        Map<String, Object> previous = new LinkedHashMap<>();
        previous.put("amount_refunded", charge.get("amount_refunded"));
        previous.put("refunded", false);
        charge.put("amount_refunded", charge.get("amount"));
        charge.put("refunded", true);
        event("charge.refunded", charge, previous);
        return (String) charge.get("id");
    }

    // ---------------------------------------------------------------------------------------------- objects

    private Map<String, Object> newObject(String prefix, String type) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("id", prefix + random(prefix.equals("cs_test_") ? 58 : 24));
        object.put("object", type);
        object.put("created", now());
        object.put("livemode", false);
        objects.put((String) object.get("id"), object);
        return object;
    }

    private Map<String, Object> find(String id, String type, String param) {
        Map<String, Object> object = objects.get(id);
        if (object == null || !type.equals(object.get("object"))) {
            throw StripeError.noSuch(type, id, param);
        }
        return object;
    }

    private Map<String, Object> newPaymentMethod(String customer, String last4) {
        Map<String, Object> card = newObject("pm_", "payment_method");
        card.put("type", "card");
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("brand", "visa");
        details.put("country", "US");
        details.put("exp_month", 12);
        details.put("exp_year", ZonedDateTime.now(ZoneOffset.UTC).getYear() + 3);
        details.put("funding", "credit");
        details.put("last4", last4);
        card.put("card", details);
        card.put("customer", customer);
        card.put("metadata", new LinkedHashMap<>());
        return card;
    }

    private Map<String, Object> newPaymentIntent(
            long amount, String currency, String customer, Map<String, Object> metadata) {
        Map<String, Object> intent = newObject("pi_", "payment_intent");
        intent.put("amount", amount);
        intent.put("amount_received", 0L);
        intent.put("currency", currency);
        intent.put("customer", customer);
        intent.put("description", null);
        intent.put("invoice", null);
        intent.put("latest_charge", null);
        intent.put("last_payment_error", null);
        intent.put("metadata", new LinkedHashMap<>(metadata));
        intent.put("payment_method", null);
        intent.put("payment_method_types", List.of("card"));
        intent.put("setup_future_usage", null);
        intent.put("status", "requires_payment_method");
        intent.put("client_secret", intent.get("id") + "_secret_" + random(24));
        return intent;
    }

    private void succeed(Map<String, Object> intent) {
        Map<String, Object> charge = charge(intent, true);
        intent.put("status", "succeeded");
        intent.put("amount_received", intent.get("amount"));
        intent.put("latest_charge", charge.get("id"));
        intent.put("last_payment_error", null);
    }

    private Map<String, Object> decline(Map<String, Object> intent) {
        Map<String, Object> charge = charge(intent, false);
        intent.put("status", "requires_payment_method");
        intent.put("latest_charge", charge.get("id"));
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("charge", charge.get("id"));
        error.put("code", "card_declined");
        error.put("decline_code", "generic_decline");
        error.put("doc_url", "https://stripe.com/docs/error-codes/card-declined");
        error.put("message", DECLINED);
        error.put("payment_method", copy(objects.get((String) intent.get("payment_method"))));
        error.put("type", "card_error");
        intent.put("last_payment_error", error);
        return charge;
    }

    private Map<String, Object> charge(Map<String, Object> intent, boolean paid) {
        Map<String, Object> card = objects.get((String) intent.get("payment_method"));
        if (card != null && card.get("customer") == null) {
            spentCards.add((String) card.get("id"));
        }
        Map<String, Object> charge = newObject("ch_", "charge");
        charge.put("amount", intent.get("amount"));
        charge.put("amount_captured", paid ? intent.get("amount") : 0L);
        charge.put("amount_refunded", 0L);
        charge.put("captured", paid);
        charge.put("currency", intent.get("currency"));
        charge.put("customer", intent.get("customer"));
        charge.put("description", intent.get("description"));
        charge.put("failure_code", paid ? null : "card_declined");
        charge.put("failure_message", paid ? null : DECLINED);
        charge.put("invoice", intent.get("invoice"));
        charge.put("metadata", new LinkedHashMap<>(metadata(intent)));
        charge.put("outcome", Map.of("network_status", paid ? "approved_by_network" : "declined_by_network"));
        charge.put("paid", paid);
        charge.put("payment_intent", intent.get("id"));
        charge.put("payment_method", intent.get("payment_method"));
        charge.put("refunded", false);
        charge.put("status", paid ? "succeeded" : "failed");
        return charge;
    }

    private void setPeriod(Map<String, Object> subscription, Plan plan) {
        long start = plan.boundary(plan.cycle);
        long end = plan.boundary(plan.cycle + 1);
        subscription.put("current_period_start", start);
        subscription.put("current_period_end", end);
        // API versions from 2025-03-31 carry the period on the items; both are kept so either reading works.
        for (Object item : items(subscription)) {
            @SuppressWarnings("unchecked")
            Map<String, Object> subscriptionItem = (Map<String, Object>) item;
            subscriptionItem.put("current_period_start", start);
            subscriptionItem.put("current_period_end", end);
        }
    }

    /**
     * The invoice of the subscription's current period. As on Stripe, {@code period_start}/{@code period_end} look
     * back (the first invoice's are both its creation time; a renewal's are the period just ended): the period paid
     * for is the lines' {@code period}.
     */
    private Map<String, Object> invoice(
            Map<String, Object> subscription,
            Plan plan,
            String billingReason,
            long amount,
            List<Item> lines,
            boolean fails) {
        String subscriptionId = (String) subscription.get("id");
        String customer = (String) subscription.get("customer");
        String currency = (String) subscription.get("currency");
        Map<String, Object> invoice = newObject("in_", "invoice");
        String invoiceId = (String) invoice.get("id");
        long created = (Long) invoice.get("created");
        long start = plan.boundary(plan.cycle);
        long end = plan.boundary(plan.cycle + 1);
        Map<String, Object> metadata = new LinkedHashMap<>(metadata(subscription));
        invoice.put("billing_reason", billingReason);
        invoice.put("customer", customer);
        invoice.put("subscription", subscriptionId);
        invoice.put("currency", currency);
        invoice.put("subtotal", amount);
        invoice.put("total", amount);
        invoice.put("amount_due", amount);
        invoice.put("amount_paid", fails ? 0L : amount);
        invoice.put("amount_remaining", fails ? amount : 0L);
        invoice.put("attempted", true);
        invoice.put("attempt_count", 1);
        invoice.put("paid", !fails);
        invoice.put("status", fails ? "open" : "paid");
        invoice.put("collection_method", "charge_automatically");
        invoice.put("next_payment_attempt", fails ? created + 3 * 24 * 3600 : null);
        invoice.put("period_start", plan.cycle == 0 ? created : plan.boundary(plan.cycle - 1));
        invoice.put("period_end", plan.cycle == 0 ? created : start);
        invoice.put("metadata", new LinkedHashMap<>());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("metadata", metadata);
        invoice.put("subscription_details", details);
        Map<String, Object> parentDetails = new LinkedHashMap<>();
        parentDetails.put("metadata", metadata);
        parentDetails.put("subscription", subscriptionId);
        Map<String, Object> parent = new LinkedHashMap<>();
        parent.put("quote_details", null);
        parent.put("subscription_details", parentDetails);
        parent.put("type", "subscription_details");
        invoice.put("parent", parent);
        List<Object> lineData = new ArrayList<>();
        for (Item item : lines) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("id", "il_" + random(24));
            line.put("object", "line_item");
            line.put("amount", item.amount());
            line.put("currency", currency);
            line.put("description", item.quantity() + " × " + item.name());
            // For subscription lines Stripe shows the subscription's current metadata.
            line.put("metadata", item.recurring() ? metadata : new LinkedHashMap<>());
            Map<String, Object> period = new LinkedHashMap<>();
            period.put("start", item.recurring() ? start : created);
            period.put("end", item.recurring() ? end : created);
            line.put("period", period);
            line.put("price", price(item));
            line.put("quantity", item.quantity());
            line.put("subscription", subscriptionId);
            line.put("type", item.recurring() ? "subscription" : "invoiceitem");
            lineData.add(line);
        }
        invoice.put("lines", list(lineData, "/v1/invoices/" + invoiceId + "/lines"));
        Map<String, Object> intent = newPaymentIntent(amount, currency, customer, Map.of());
        intent.put("invoice", invoiceId);
        intent.put(
                "description",
                billingReason.equals("subscription_create") ? "Subscription creation" : "Subscription update");
        intent.put("payment_method", subscription.get("default_payment_method"));
        if (fails) {
            decline(intent);
        } else {
            succeed(intent);
        }
        invoice.put("payment_intent", intent.get("id"));
        invoice.put("charge", intent.get("latest_charge"));
        Map<String, Object> transitions = new LinkedHashMap<>();
        transitions.put("finalized_at", created);
        transitions.put("paid_at", fails ? null : created);
        invoice.put("status_transitions", transitions);
        subscription.put("latest_invoice", invoiceId);
        return invoice;
    }

    private static Map<String, Object> price(Item item) {
        Map<String, Object> price = new LinkedHashMap<>();
        price.put("id", "price_" + random(24));
        price.put("object", "price");
        price.put("currency", item.currency());
        price.put("unit_amount", item.unitAmount());
        price.put("product", "prod_" + random(14));
        if (item.recurring()) {
            Map<String, Object> recurring = new LinkedHashMap<>();
            recurring.put("interval", item.interval());
            recurring.put("interval_count", item.every());
            price.put("recurring", recurring);
            price.put("type", "recurring");
        } else {
            price.put("recurring", null);
            price.put("type", "one_time");
        }
        return price;
    }

    private static Map<String, Object> list(List<Object> data, String url) {
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("object", "list");
        list.put("data", data);
        list.put("has_more", false);
        list.put("total_count", data.size());
        list.put("url", url);
        return list;
    }

    private static Map<String, Object> cancellation(String reason) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("comment", null);
        details.put("feedback", null);
        details.put("reason", reason);
        return details;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> metadata(Map<String, Object> object) {
        return (Map<String, Object>) object.get("metadata");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> invoiceSettings(Map<String, Object> customer) {
        return (Map<String, Object>) customer.get("invoice_settings");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> items(Map<String, Object> subscription) {
        return (List<Object>) ((Map<String, Object>) subscription.get("items")).get("data");
    }

    /** Stripe's metadata update: given keys are set, a key given empty is removed. Returns whether it changed. */
    private static boolean updateMetadata(
            Map<String, Object> object, Map<String, Object> given, Map<String, String> form, String prefix) {
        Map<String, Object> metadata = metadata(object);
        Map<String, Object> before = new LinkedHashMap<>(metadata);
        metadata.putAll(given);
        form.forEach((key, value) -> {
            if (value.isEmpty() && key.startsWith(prefix + "[") && key.endsWith("]")) {
                metadata.remove(key.substring(prefix.length() + 1, key.length() - 1));
            }
        });
        return !before.equals(metadata);
    }

    private static void minimumCharge(long amount, String currency, String param) {
        Long minimum = MINIMUM_CHARGE.get(currency);
        if (minimum != null && amount < minimum) {
            StripeError error = new StripeError(
                    400,
                    "invalid_request_error",
                    "amount_too_small",
                    param,
                    "Amount must be at least " + money(minimum, currency));
            throw error;
        }
    }

    private static long integer(Map<String, String> form, String param, boolean positive) {
        String value = form.get(param);
        if (value == null) {
            throw StripeError.missingParam(param);
        }
        try {
            long number = Long.parseLong(value);
            if (positive && number < 0) {
                throw StripeError.invalid(param, "This value must be greater than or equal to 0.");
            }
            return number;
        } catch (NumberFormatException e) {
            throw StripeError.invalid(param, "Invalid integer: " + value);
        }
    }

    // ---------------------------------------------------------------------------------------------- events

    private void event(String type, Map<String, Object> object, Map<String, Object> previousAttributes) {
        Map<String, Object> event = new LinkedHashMap<>();
        String id = "evt_" + random(24);
        event.put("id", id);
        event.put("object", "event");
        event.put("api_version", API_VERSION);
        event.put("created", now());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("object", copy(object)); // the object as it is now, not as it will be
        if (previousAttributes != null) {
            data.put("previous_attributes", previousAttributes);
        }
        event.put("data", data);
        event.put("livemode", false);
        event.put("pending_webhooks", 1);
        event.put("request", currentRequest);
        event.put("type", type);
        Event stored = new Event(id, type, Json.write(event));
        events.put(id, stored);
        deliver(stored);
    }

    private static Map<String, Object> requestInfo(String id, String idempotencyKey) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("id", id);
        request.put("idempotency_key", idempotencyKey);
        return request;
    }

    private void deliver(Event event) {
        deliveries.execute(() -> post(event));
    }

    /** Posts one event until the endpoint answers 2xx, as Stripe retries (here quicker: tests wait for it). */
    private void post(Event event) {
        sent.add(event);
        long giveUpAt = System.nanoTime() + RETRY_FOR.toNanos();
        Duration wait = FIRST_RETRY;
        while (!Thread.currentThread().isInterrupted()) {
            String url = webhookUrl;
            if (url == null || url.isBlank()) {
                return;
            }
            String failure;
            try {
                long t = Instant.now().getEpochSecond();
                HttpResponse<Void> response = http.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .timeout(Duration.ofSeconds(10))
                                .header("Content-Type", "application/json; charset=utf-8")
                                .header("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)")
                                .header("Stripe-Signature", "t=" + t + ",v1=" + sign(t, event.json()))
                                .POST(HttpRequest.BodyPublishers.ofString(event.json(), StandardCharsets.UTF_8))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() / 100 == 2) {
                    return;
                }
                failure = "HTTP " + response.statusCode();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IOException | IllegalArgumentException e) {
                failure = e.toString();
            }
            if (System.nanoTime() + wait.toNanos() > giveUpAt) {
                System.err.println("stripe stub: gave up delivering " + event.type() + " " + event.id() + " to " + url
                        + " (" + failure + ")");
                return;
            }
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            wait = wait.multipliedBy(2).compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait.multipliedBy(2);
        }
    }

    /** Stripe's v1 scheme: lowercase hex HMAC-SHA256 of {@code "<t>.<body>"}, keyed with the whole whsec_ string. */
    private String sign(long t, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(webhookSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------------------------------------- the page

    private String checkoutPage(String id, String error) {
        Map<String, Object> session = objects.get(id);
        Checkout checkout = checkouts.get(id);
        String currency = (String) session.get("currency");
        StringBuilder body = new StringBuilder();
        body.append("<h1 id=\"amount\">").append(Html.escape(money((Long) session.get("amount_total"), currency)));
        Item recurring =
                checkout.items().stream().filter(Item::recurring).findFirst().orElse(null);
        if (recurring != null) {
            body.append(" every ")
                    .append(recurring.every() == 1 ? "" : recurring.every() + " ")
                    .append(recurring.interval())
                    .append(recurring.every() == 1 ? "" : "s");
        }
        body.append("</h1>\n<ul id=\"items\">\n");
        for (Item item : checkout.items()) {
            body.append("<li>")
                    .append(Html.escape(item.name()))
                    .append(" × ")
                    .append(item.quantity())
                    .append(" — ")
                    .append(Html.escape(money(item.amount(), currency)))
                    .append("</li>\n");
        }
        body.append("</ul>\n");
        if (!"open".equals(session.get("status"))) {
            body.append("<p id=\"status\">This Checkout Session is ")
                    .append(session.get("status"))
                    .append(".</p>\n");
            return page("Checkout", body.toString());
        }
        if (error != null) {
            body.append("<p id=\"error\" role=\"alert\">")
                    .append(Html.escape(error))
                    .append("</p>\n");
        }
        // Relative actions, so the page also works behind a public URL with a path.
        body.append("<form method=\"post\" action=\"")
                .append(Html.escape(id))
                .append("/pay\"><button id=\"pay\" type=\"submit\">Pay with 4242 4242 4242 4242</button></form>\n");
        body.append("<form method=\"post\" action=\"")
                .append(Html.escape(id))
                .append("/decline\"><button id=\"decline\" type=\"submit\">Pay with a card that is declined</button>"
                        + "</form>\n");
        Object cancelUrl = session.get("cancel_url");
        if (cancelUrl != null) {
            body.append("<p><a id=\"cancel\" href=\"")
                    .append(Html.escape(cancelUrl.toString()))
                    .append("\">Cancel</a></p>\n");
        }
        return page("Checkout", body.toString());
    }

    private static String page(String title, String body) {
        return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + Html.escape(title)
                + " (Stripe test stub)</title></head>\n<body>\n" + body + "</body></html>\n";
    }

    private static String money(long minor, String currency) {
        String code = currency.toUpperCase(Locale.ROOT);
        if (ZERO_DECIMAL.contains(currency)) {
            return minor + " " + code;
        }
        return String.format(Locale.ROOT, "%d.%02d %s", minor / 100, Math.abs(minor % 100), code);
    }

    // ---------------------------------------------------------------------------------------------- small parts

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String random(int length) {
        StringBuilder id = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            id.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
        }
        return id.toString();
    }

    /** A deep copy, so an event or a caller never sees the object change afterwards. */
    @SuppressWarnings("unchecked")
    private static <T> T copy(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put((String) k, copy(v)));
            return (T) copy;
        }
        if (value instanceof Collection<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(copy(v)));
            return (T) copy;
        }
        return value;
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** application/x-www-form-urlencoded as Stripe's clients send it: keys stay flat ({@code metadata[a]}). */
    static final class Form {
        private Form() {}

        static Map<String, String> parse(String body) {
            Map<String, String> form = new LinkedHashMap<>();
            if (body == null || body.isBlank()) {
                return form;
            }
            for (String pair : body.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                try {
                    String key =
                            URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                    String value =
                            equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                    form.put(key, value);
                } catch (IllegalArgumentException e) {
                    throw StripeError.invalid(null, "Invalid form encoding: " + pair);
                }
            }
            return form;
        }

        /** {@code prefix[key]=value} pairs (one level, non-empty values) as a map: Stripe's metadata hashes. */
        static Map<String, Object> subMap(Map<String, String> form, String prefix) {
            Map<String, Object> map = new LinkedHashMap<>();
            String open = prefix + "[";
            form.forEach((key, value) -> {
                if (key.startsWith(open) && key.endsWith("]") && !value.isEmpty()) {
                    String inner = key.substring(open.length(), key.length() - 1);
                    if (!inner.contains("[") && !inner.contains("]")) {
                        map.put(inner, value);
                    }
                }
            });
            return map;
        }
    }

    /** JSON text from maps, lists, strings, numbers, booleans and null. */
    static final class Json {
        private Json() {}

        /** Text that is already JSON (a stored event), written as it is. */
        record Raw(String text) {}

        static String write(Object value) {
            StringBuilder out = new StringBuilder();
            write(out, value);
            return out.toString();
        }

        private static void write(StringBuilder out, Object value) {
            if (value == null) {
                out.append("null");
            } else if (value instanceof Raw raw) {
                out.append(raw.text());
            } else if (value instanceof String text) {
                quote(out, text);
            } else if (value instanceof Boolean
                    || value instanceof Integer
                    || value instanceof Long
                    || value instanceof Short
                    || value instanceof Byte) {
                out.append(value);
            } else if (value instanceof Number number) {
                double d = number.doubleValue();
                out.append(Double.isFinite(d) ? number.toString() : "null");
            } else if (value instanceof Map<?, ?> map) {
                out.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    quote(out, String.valueOf(entry.getKey()));
                    out.append(':');
                    write(out, entry.getValue());
                }
                out.append('}');
            } else if (value instanceof Collection<?> list) {
                out.append('[');
                boolean first = true;
                for (Object element : list) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    write(out, element);
                }
                out.append(']');
            } else {
                quote(out, value.toString());
            }
        }

        private static void quote(StringBuilder out, String text) {
            out.append('"');
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    case '\b' -> out.append("\\b");
                    case '\f' -> out.append("\\f");
                    default -> {
                        // Control characters must be escaped; U+2028/2029 are, so the text is also valid JavaScript.
                        if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            out.append('"');
        }
    }

    /** Text safe inside HTML elements and attribute values. */
    static final class Html {
        private Html() {}

        static String escape(String text) {
            return text.replace("&", "&amp;")
                    .replace("<", "&lt;")
                    .replace(">", "&gt;")
                    .replace("\"", "&quot;")
                    .replace("'", "&#39;");
        }
    }
}
