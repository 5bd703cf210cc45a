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
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OpenAI chat-completions server as the protocol defines it, for tests of the real client code:
 * {@code POST /v1/chat/completions} with {@code "stream": true} answers {@code text/event-stream}, one
 * {@code chat.completion.chunk} per delta, a chunk with {@code finish_reason}, then (when the request asks with
 * {@code stream_options.include_usage}) a chunk with empty choices and the usage, then {@code data: [DONE]}.
 * Non-streaming requests get one {@code chat.completion}. Each request takes the next queued {@link Script}
 * (or the default one); every request body is recorded.
 *
 * <p>It also speaks the transcription API: {@code POST /v1/audio/transcriptions}, {@code multipart/form-data} with a
 * {@code file} part (a file name and bytes) and a {@code model} part, a bearer key required (401 without, 400 for a
 * missing part, as OpenAI answers); {@code response_format=verbose_json} answers {@code task}, {@code language},
 * {@code duration} and {@code text}, {@code json} (the default) only {@code text}. What it hears is queued with
 * {@link #hears} (by default a sentence naming the file's size, at 16 kB per second of audio).
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
    /** What the transcription endpoint answers one request: the words and seconds heard, or an error status. */
    public record Heard(String text, double seconds, int status, Duration pause) {

        Heard(String text, double seconds, int status) {
            this(text, seconds, status, Duration.ZERO);
        }
    }

    /** A transcription request as the stub received it. */
    public record TranscriptionRequest(
            String model,
            String fileName,
            String contentType,
            int bytes,
            String responseFormat,
            String authorization) {}

    private final ConcurrentLinkedDeque<Heard> heard = new ConcurrentLinkedDeque<>();
    private final Map<Integer, ConcurrentLinkedDeque<Heard>> heardBySize = new ConcurrentHashMap<>();
    private final List<TranscriptionRequest> transcriptions = new CopyOnWriteArrayList<>();
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
            server.createContext("/v1/audio/transcriptions", stub::transcribe);
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

    /** The server's root, for clients configured without the {@code /v1} (media-service's speech and transcription). */
    public String rootUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** What the next transcription request hears. */
    public OpenAiProtocolStub hears(String text, double seconds) {
        heard.add(new Heard(text, seconds, 200));
        return this;
    }

    /** The next transcription request fails with {@code status}. */
    public OpenAiProtocolStub transcriptionFails(int status) {
        heard.add(new Heard(null, 0, status));
        return this;
    }

    /** What the next transcription of a file of exactly {@code bytes} hears (tests running side by side). */
    public OpenAiProtocolStub hears(int bytes, String text, double seconds) {
        heardBySize
                .computeIfAbsent(bytes, size -> new ConcurrentLinkedDeque<>())
                .add(new Heard(text, seconds, 200));
        return this;
    }

    /** The same, answered only after {@code pause} (a provider still working while the test does something). */
    public OpenAiProtocolStub hears(int bytes, String text, double seconds, Duration pause) {
        heardBySize
                .computeIfAbsent(bytes, size -> new ConcurrentLinkedDeque<>())
                .add(new Heard(text, seconds, 200, pause));
        return this;
    }

    /** The next transcription of a file of exactly {@code bytes} fails with {@code status}. */
    public OpenAiProtocolStub transcriptionFails(int bytes, int status) {
        heardBySize
                .computeIfAbsent(bytes, size -> new ConcurrentLinkedDeque<>())
                .add(new Heard(null, 0, status));
        return this;
    }

    public List<TranscriptionRequest> transcriptions() {
        return List.copyOf(transcriptions);
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
        heard.clear();
        heardBySize.clear();
        transcriptions.clear();
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

    private void transcribe(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String type = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            error(exchange, 401, "You didn't provide an API key.");
            return;
        }
        int at = type.indexOf("boundary=");
        if (!type.startsWith("multipart/form-data") || at < 0) {
            error(exchange, 400, "Content-Type must be multipart/form-data with a boundary");
            return;
        }
        Map<String, Part> parts = Part.parse(body, type.substring(at + "boundary=".length()));
        Part file = parts.get("file");
        Part model = parts.get("model");
        if (file == null || file.fileName() == null || file.bytes().length == 0) {
            error(exchange, 400, "Missing required parameter: 'file'");
            return;
        }
        if (model == null) {
            error(exchange, 400, "Missing required parameter: 'model'");
            return;
        }
        String format = parts.containsKey("response_format")
                ? parts.get("response_format").text()
                : "json";
        transcriptions.add(new TranscriptionRequest(
                model.text(), file.fileName(), file.contentType(), file.bytes().length, format, authorization));
        ConcurrentLinkedDeque<Heard> forSize = heardBySize.get(file.bytes().length);
        Heard next = forSize != null && !forSize.isEmpty()
                ? forSize.poll()
                : !heard.isEmpty()
                        ? heard.poll()
                        : new Heard(
                                "A recording of " + file.bytes().length + " bytes.",
                                file.bytes().length / 16_000.0,
                                200);
        pause(next.pause());
        if (next.status() != 200) {
            error(exchange, next.status(), "stubbed failure " + next.status());
            return;
        }
        ObjectNode answer = JSON.createObjectNode();
        if ("verbose_json".equals(format)) {
            answer.put("task", "transcribe").put("language", "english").put("duration", next.seconds());
        }
        answer.put("text", next.text());
        byte[] out = JSON.writeValueAsBytes(answer);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, out.length);
        exchange.getResponseBody().write(out);
        exchange.close();
    }

    private static void error(HttpExchange exchange, int status, String message) throws IOException {
        byte[] body = JSON.writeValueAsBytes(JSON.createObjectNode()
                .set("error", JSON.createObjectNode().put("message", message).put("type", "invalid_request_error")));
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    /** One part of a multipart/form-data body (RFC 7578). */
    private record Part(String fileName, String contentType, byte[] bytes) {

        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        static Map<String, Part> parse(byte[] body, String boundary) {
            String quoted = boundary.startsWith("\"") ? boundary.substring(1, boundary.length() - 1) : boundary;
            byte[] delimiter = ("--" + quoted).getBytes(StandardCharsets.ISO_8859_1);
            Map<String, Part> parts = new HashMap<>();
            int start = indexOf(body, delimiter, 0);
            while (start >= 0) {
                int headersFrom = start + delimiter.length;
                if (headersFrom + 2 <= body.length && body[headersFrom] == '-' && body[headersFrom + 1] == '-') {
                    break; // the closing delimiter
                }
                headersFrom += 2; // CRLF after the delimiter
                int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersFrom);
                int next = indexOf(body, ("\r\n--" + quoted).getBytes(StandardCharsets.ISO_8859_1), headersFrom);
                if (headersEnd < 0 || next < 0) {
                    break;
                }
                String headers = new String(body, headersFrom, headersEnd - headersFrom, StandardCharsets.UTF_8);
                byte[] content = Arrays.copyOfRange(body, headersEnd + 4, next);
                String name = attribute(headers, "name");
                if (name != null) {
                    String contentType = null;
                    for (String line : headers.split("\r\n")) {
                        if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
                            contentType =
                                    line.substring("content-type:".length()).strip();
                        }
                    }
                    parts.put(name, new Part(attribute(headers, "filename"), contentType, content));
                }
                start = next + 2;
            }
            return parts;
        }

        private static String attribute(String headers, String name) {
            Matcher matcher = Pattern.compile("[; ]" + name + "=\"([^\"]*)\"").matcher(headers);
            return matcher.find() ? matcher.group(1) : null;
        }

        private static int indexOf(byte[] data, byte[] pattern, int from) {
            outer:
            for (int i = from; i <= data.length - pattern.length; i++) {
                for (int j = 0; j < pattern.length; j++) {
                    if (data[i + j] != pattern[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
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
