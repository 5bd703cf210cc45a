package com.vibrationfit.platform.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A real HTTP server that stalls, drips or floods, against the JDK client reading through {@link BoundedBody}. */
class BoundedBodyTest {

    private static HttpServer server;
    private static final CountDownLatch STALLED_CONNECTION_CLOSED = new CountDownLatch(1);
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/whole", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("hello".getBytes());
            }
        });
        server.createContext("/stall", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write("first bytes".getBytes());
            out.flush();
            // Keep writing slowly after a long silence: once the client cut the exchange off, a write fails.
            try {
                Thread.sleep(3_000);
                for (int i = 0; i < 50; i++) {
                    out.write(new byte[8192]);
                    out.flush();
                    Thread.sleep(100);
                }
            } catch (Exception e) {
                STALLED_CONNECTION_CLOSED.countDown();
            }
            exchange.close();
        });
        server.createContext("/drip", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            try {
                for (int i = 0; i < 100; i++) {
                    out.write('x');
                    out.flush();
                    Thread.sleep(100);
                }
            } catch (Exception e) {
                // the client went away
            }
            exchange.close();
        });
        server.createContext("/flood", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 100; i++) {
                    out.write(new byte[10_000]);
                }
            } catch (Exception e) {
                // the client went away
            }
        });
        server.start();
        // The client's first exchange (its selector thread, the JIT) can take longer than the 500 ms the stall test
        // gives for headers when modules test side by side: make it here, with time to spare.
        CLIENT.send(
                HttpRequest.newBuilder(URI.create(
                                "http://127.0.0.1:" + server.getAddress().getPort() + "/whole"))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static InputStream get(String path, ResponseLimits limits) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path))
                .timeout(limits.headerTimeout())
                .build();
        HttpResponse<InputStream> response = CLIENT.send(request, BoundedBody.handler(limits));
        return response.body();
    }

    @Test
    void shouldReadAWholeBodyWithinItsLimits() throws Exception {
        try (InputStream body = get("/whole", new ResponseLimits(Duration.ofSeconds(5), Duration.ofSeconds(1), 100))) {
            assertArrayEquals("hello".getBytes(), body.readAllBytes());
        }
    }

    @Test
    void shouldCutOffAProviderThatSendsHeadersThenStallsAndCloseTheConnection() throws Exception {
        long start = System.nanoTime();
        InputStream body =
                get("/stall", new ResponseLimits(Duration.ofSeconds(60), Duration.ofMillis(500), 10_000_000));
        ResponseCutOff cut = assertThrows(ResponseCutOff.class, body::readAllBytes);
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(cut.getMessage().contains("sent nothing for 500 ms"), cut.getMessage());
        assertTrue(tookMillis < 5_000, "cut off after the idle timeout, not the 60 s deadline: " + tookMillis + " ms");
        assertTrue(
                STALLED_CONNECTION_CLOSED.await(10, TimeUnit.SECONDS),
                "the connection to the stalled provider is closed");
    }

    @Test
    void shouldCutOffAProviderThatKeepsDrippingPastTheDeadline() throws Exception {
        long start = System.nanoTime();
        InputStream body = get("/drip", new ResponseLimits(Duration.ofMillis(800), Duration.ofSeconds(5), 10_000_000));
        ResponseCutOff cut = assertThrows(ResponseCutOff.class, body::readAllBytes);
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(cut.getMessage().contains("longer than"), cut.getMessage());
        assertTrue(
                tookMillis < 5_000,
                "cut off at the deadline although bytes kept coming for 10 s: " + tookMillis + " ms");
    }

    @Test
    void shouldCutOffABodyLargerThanTheLimit() throws Exception {
        InputStream body = get("/flood", new ResponseLimits(Duration.ofSeconds(10), Duration.ofSeconds(5), 50_000));
        ResponseCutOff cut = assertThrows(ResponseCutOff.class, body::readAllBytes);
        assertTrue(cut.getMessage().contains("larger than 50000 bytes"), cut.getMessage());
    }
}
