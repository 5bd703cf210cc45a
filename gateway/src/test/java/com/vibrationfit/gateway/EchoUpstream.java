package com.vibrationfit.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * Stands in for an upstream service in the gateway's own tests: a loopback HTTP server that records
 * every request it receives (method, path, headers, body) and answers it, slowly under {@code /slow}.
 * A second route points at a port where nothing listens, to see the gateway's 503.
 */
public class EchoUpstream implements QuarkusTestResourceLifecycleManager {

    public record Received(String method, String path, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }

    public static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    /** Status of {@code /q/openapi} answers: anything but 200 makes the services' documents unavailable. */
    public static volatile int openapiStatus = 200;
    /** Delay before {@code /q/openapi} answers, to see whether the gateway waits for it. */
    public static volatile long openapiDelayMillis;

    private static HttpServer server;

    @Override
    public synchronized Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
            server.setExecutor(Executors.newFixedThreadPool(16));
            server.createContext("/", this::answer);
            server.start();
            int closed;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                closed = socket.getLocalPort();
            }
            String echo = "http://127.0.0.1:" + server.getAddress().getPort();
            return Map.ofEntries(
                    Map.entry("vf.gateway.routes.vision.url", echo),
                    Map.entry("vf.gateway.routes.vision.prefixes", "/api/v1/visions,/api/v1/vision-board"),
                    Map.entry("vf.gateway.routes.media.url", echo),
                    Map.entry("vf.gateway.routes.media.prefixes", "/api/v1/media"),
                    Map.entry("vf.gateway.routes.journal.url", echo),
                    Map.entry("vf.gateway.routes.journal.prefixes", "/api/v1/journal"),
                    Map.entry("vf.gateway.routes.profile.url", echo),
                    Map.entry("vf.gateway.routes.profile.openapi", "false"),
                    Map.entry("vf.gateway.routes.assessment.url", echo),
                    Map.entry("vf.gateway.routes.assessment.openapi", "false"),
                    Map.entry("vf.gateway.routes.ai.url", echo),
                    Map.entry("vf.gateway.routes.ai.openapi", "false"),
                    Map.entry("vf.gateway.routes.slow.url", echo),
                    Map.entry("vf.gateway.routes.slow.prefixes", "/api/v1/slow"),
                    Map.entry("vf.gateway.routes.slow.timeout", "PT0.5S"),
                    Map.entry("vf.gateway.routes.slow.openapi", "false"),
                    Map.entry("vf.gateway.routes.down.url", "http://127.0.0.1:" + closed),
                    Map.entry("vf.gateway.routes.down.prefixes", "/api/v1/down"),
                    Map.entry("vf.gateway.routes.down.openapi", "false"),
                    Map.entry("vf.gateway.max-body-bytes", "10000"),
                    Map.entry("vf.gateway.rate-limit.capacity", "1000"),
                    Map.entry("vf.gateway.rate-limit.refill-per-second", "1000"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().toString();
        RECEIVED.add(new Received(exchange.getRequestMethod(), path, Map.copyOf(exchange.getRequestHeaders()), body));
        if (path.startsWith("/api/v1/slow")) {
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        int status = 200;
        if (path.startsWith("/q/openapi")) {
            status = openapiStatus;
            try {
                Thread.sleep(openapiDelayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String reply = path.startsWith("/q/openapi") ? openapi() : "{\"upstream\":\"echo\",\"path\":\"" + path + "\"}";
        byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("ETag", "\"v1\"");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String openapi() {
        return """
                {"openapi":"3.1.0","info":{"title":"echo","version":"1"},
                 "tags":[{"name":"Echo"}],
                 "paths":{"/api/v1/visions":{"get":{"tags":["Echo"],"responses":{"200":{"description":"ok",
                   "content":{"application/json":{"schema":{"$ref":"#/components/schemas/VisionView"}}}}}}}},
                 "components":{"schemas":{"VisionView":{"type":"object"}},
                   "securitySchemes":{"bearer":{"type":"http","scheme":"bearer"}}}}""";
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    public static Received last(String pathStart) {
        for (int i = RECEIVED.size() - 1; i >= 0; i--) {
            if (RECEIVED.get(i).path().startsWith(pathStart)) {
                return RECEIVED.get(i);
            }
        }
        return null;
    }

    public static long count(String pathStart) {
        return RECEIVED.stream().filter(r -> r.path().startsWith(pathStart)).count();
    }
}
