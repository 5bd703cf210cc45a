package com.vibrationfit.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    private static GatewayConfig.Route route(String url, String... prefixes) {
        return new GatewayConfig.Route() {
            public String url() {
                return url;
            }

            public List<String> prefixes() {
                return List.of(prefixes);
            }

            public Duration timeout() {
                return Duration.ofSeconds(1);
            }

            public boolean openapi() {
                return true;
            }
        };
    }

    private final RouteTable table = new RouteTable(Map.of(
            "vision", route("http://127.0.0.1:8082", "/api/v1/visions", "/api/v1/vision-board/"),
            "media", route("http://127.0.0.1:8085", "/api/v1/media"),
            "sneaky", route("http://127.0.0.1:9999", "/internal/v1")));

    @Test
    void shouldRouteByPrefixOnSegmentBoundaries() {
        assertEquals("vision", table.route("/api/v1/visions").orElseThrow().name());
        assertEquals(
                "vision",
                table.route("/api/v1/visions/123/complete").orElseThrow().name());
        assertEquals(
                "vision",
                table.route("/api/v1/vision-board/items").orElseThrow().name());
        assertEquals("media", table.route("/api/v1/media/uploads").orElseThrow().name());
        assertTrue(table.route("/api/v1/visionsXYZ").isEmpty());
        assertTrue(table.route("/api/v1/unknown").isEmpty());
    }

    @Test
    void shouldNeverRouteInternalPathsEvenIfConfigured() {
        assertTrue(table.route("/internal/v1/anything").isEmpty());
        assertTrue(table.route("/internal").isEmpty());
    }

    @Test
    void shouldDefaultThePortToTheSchemes() {
        RouteTable cluster = new RouteTable(
                Map.of("a", route("http://vision-service", "/a"), "b", route("https://media.example.com", "/b")));
        assertEquals(80, cluster.route("/a").orElseThrow().port());
        assertEquals(443, cluster.route("/b").orElseThrow().port());
    }

    @Test
    void shouldRefuseDotDotSegments() {
        assertTrue(table.route("/api/v1/media/../../internal/v1/x").isEmpty());
    }
}
