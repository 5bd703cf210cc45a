package com.vibrationfit.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenAI chat-completions server as the protocol defines it, for tests of the real client code:
 * {@code POST /v1/chat/completions} with {@code "stream": true} answers {@code text/event-stream}, one
 * {@code chat.completion.chunk} per delta, a chunk with {@code finish_reason}, then (when the request asks with
 * {@code stream_options.include_usage}) a chunk with empty choices and the usage, then {@code data: [DONE]}.
 * Non-streaming requests get one {@code chat.completion}. Each request takes the next queued {@link Script}
 * (or the default one); every request body is recorded.
 */
public final class OpenAiProtocolStub implements AutoCloseable {

    /** How the stub answers one request. */
    public record Script(
            List<String> deltas,
            int promptTokens,
            int completionTokens,
            Duration pause,
            int failAfter,
            int status,
            boolean reportUsage,
            int stallAfter,
            Duration stall) {

        /** A reply streamed as these deltas, reporting this usage. */
        public static Script reply(List<String> deltas, int promptTokens, int completionTokens) {
            return new Script(deltas, promptTokens, completionTokens, Duration.ZERO, -1, 200, true, -1, Duration.ZERO);
        }

        /** The same reply with a pause before each delta (a slow model, for clients that go away). */
        public Script slowly(Duration pause) {
            return new Script(
                    deltas, promptTokens, completionTokens, pause, failAfter, status, reportUsage, stallAfter, stall);
        }

        /** Streams {@code deltas} deltas, then drops the connection mid-stream (no finish, no usage, no [DONE]). */
        public Script failingAfter(int deltasSent) {
            return new Script(
                    deltas, promptTokens, completionTokens, pause, deltasSent, status, reportUsage, stallAfter, stall);
        }

        /** Streams {@code deltasSent} deltas, then sends nothing for {@code stall} (a stalled provider), then drops. */
        public Script stallingAfter(int deltasSent, Duration stall) {
            return new Script(
                    deltas, promptTokens, completionTokens, pause, failAfter, status, reportUsage, deltasSent, stall);
        }

        /** Streams the reply but never reports usage. */
        public Script withoutUsage() {
            return new Script(
                    deltas, promptTokens, completionTokens, pause, failAfter, status, false, stallAfter, stall);
        }

        /** An error answer before any streaming (e.g. 429 rate limited, 500). */
        public static Script error(int status) {
            return new Script(List.of(), 0, 0, Duration.ZERO, -1, status, false, -1, Duration.ZERO);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ConcurrentLinkedDeque<Script> queued = new ConcurrentLinkedDeque<>();
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final AtomicInteger stalls = new AtomicInteger();
    private volatile Script fallback = Script.reply(List.of("Hello", " from", " the", " stub."), 20, 4);

    private OpenAiProtocolStub(HttpServer server) {
        this.server = server;
    }

    /** Starts on a free port of 127.0.0.1. */
    public static OpenAiProtocolStub start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            OpenAiProtocolStub stub = new OpenAiProtocolStub(server);
            server.createContext("/v1/chat/completions", stub::handle);
            server.setExecutor(Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "openai-stub");
                t.setDaemon(true);
                return t;
            }));
            server.start();
            return stub;
        } catch (IOException e) {
            throw new IllegalStateException("could not start the OpenAI protocol stub", e);
        }
    }

    /** The base URL an OpenAI client is configured with ({@code http://127.0.0.1:<port>/v1}). */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** The answer of the next request (then the default again). */
    public OpenAiProtocolStub next(Script script) {
        queued.add(script);
        return this;
    }

    /** The answer of every request nothing is queued for. */
    public OpenAiProtocolStub byDefault(Script script) {
        fallback = script;
        return this;
    }

    public List<JsonNode> requests() {
        return List.copyOf(requests);
    }

    public JsonNode lastRequest() {
        return requests.isEmpty() ? null : requests.get(requests.size() - 1);
    }

    /** How many answers have stalled so far. */
    public int stalls() {
        return stalls.get();
    }

    public List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    public void reset() {
        queued.clear();
        requests.clear();
        authorizations.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
        requests.add(request);
        authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        Script script = queued.isEmpty() ? fallback : queued.poll();
        String model = request.path("model").asText("gpt-4o-mini");
        if (script.status() != 200) {
            byte[] body = ("{\"error\":{\"message\":\"stubbed failure " + script.status()
                            + "\",\"type\":\"server_error\",\"code\":null}}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(script.status(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
            return;
        }
        if (!request.path("stream").asBoolean(false)) {
            ObjectNode completion = JSON.createObjectNode()
                    .put("id", "chatcmpl-stub")
                    .put("object", "chat.completion")
                    .put("created", 1_700_000_000L)
                    .put("model", model);
            ObjectNode choice =
                    completion.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
            choice.putObject("message").put("role", "assistant").put("content", String.join("", script.deltas()));
            usage(completion, script);
            byte[] body = JSON.writeValueAsBytes(completion);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
            return;
        }
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().add("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0); // chunked
        OutputStream out = exchange.getResponseBody();
        send(out, chunk(model, "{\"role\":\"assistant\",\"content\":\"\"}", null));
        for (int i = 0; i < script.deltas().size(); i++) {
            if (i == script.stallAfter()) {
                stalls.incrementAndGet();
                pause(script.stall());
                throw new IOException("stub: stream dropped after a stall of " + script.stall());
            }
            if (i == script.failAfter()) {
                // Drop the connection without ending the chunked body: the client sees the stream break mid-reply
                // (after a moment, as when a model dies while writing, so what was sent has been read).
                pause(Duration.ofMillis(300));
                throw new IOException("stub: stream dropped after " + i + " deltas");
            }
            pause(script.pause());
            send(
                    out,
                    chunk(
                            model,
                            JSON.writeValueAsString(JSON.createObjectNode()
                                    .put("content", script.deltas().get(i))),
                            null));
        }
        send(out, chunk(model, "{}", "stop"));
        if (script.reportUsage()
                && request.path("stream_options").path("include_usage").asBoolean(false)) {
            ObjectNode last = JSON.createObjectNode()
                    .put("id", "chatcmpl-stub")
                    .put("object", "chat.completion.chunk")
                    .put("created", 1_700_000_000L)
                    .put("model", model);
            last.putArray("choices");
            usage(last, script);
            send(out, JSON.writeValueAsString(last));
        }
        send(out, "[DONE]");
        exchange.close();
    }

    private static String chunk(String model, String delta, String finishReason) {
        return "{\"id\":\"chatcmpl-stub\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\""
                + model
                + "\",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":"
                + (finishReason == null ? "null" : "\"" + finishReason + "\"") + "}]}";
    }

    private static void usage(ObjectNode node, Script script) {
        node.putObject("usage")
                .put("prompt_tokens", script.promptTokens())
                .put("completion_tokens", script.completionTokens())
                .put("total_tokens", script.promptTokens() + script.completionTokens());
    }

    private static void send(OutputStream out, String data) throws IOException {
        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void pause(Duration pause) {
        if (!pause.isZero()) {
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
