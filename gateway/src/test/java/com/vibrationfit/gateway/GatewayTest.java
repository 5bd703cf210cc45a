package com.vibrationfit.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vibrationfit.platform.testing.TestTokens;
import com.vibrationfit.platform.tokens.CachedBearerAuthentication;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

@QuarkusTest
class GatewayTest {

    private final UUID alice = UUID.randomUUID();

    @Inject
    CachedBearerAuthentication tokens;

    private RequestSpecification asAlice() {
        return given().auth().oauth2(TestTokens.forUser(alice));
    }

    @Test
    void shouldRouteEachPrefixToItsService() {
        asAlice().get("/api/v1/visions/active").then().statusCode(200).body("path", equalTo("/api/v1/visions/active"));
        asAlice()
                .get("/api/v1/vision-board/stats?x=1")
                .then()
                .statusCode(200)
                .body("path", equalTo("/api/v1/vision-board/stats?x=1"));
        asAlice()
                .contentType("application/json")
                .body("{\"a\":1}")
                .post("/api/v1/media/uploads")
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"v1\""));
        assertEquals("{\"a\":1}", EchoUpstream.last("/api/v1/media/uploads").body());
        assertEquals("POST", EchoUpstream.last("/api/v1/media/uploads").method());
    }

    @Test
    void shouldPassThePaymentProvidersWebhookWithoutAMemberTokenAndNothingElse() {
        // Stripe signs its events (the service verifies the signature); it has no member token to send.
        given().contentType("application/json")
                .header("Stripe-Signature", "t=1,v1=00")
                .body("{\"id\":\"evt_1\"}")
                .post("/webhooks/stripe")
                .then()
                .statusCode(200);
        assertEquals("{\"id\":\"evt_1\"}", EchoUpstream.last("/webhooks/stripe").body());
        assertEquals("t=1,v1=00", EchoUpstream.last("/webhooks/stripe").header("Stripe-Signature"));
        // Only that: no other method or path under /webhooks reaches a service without a token.
        long before = EchoUpstream.count("/webhooks");
        given().get("/webhooks/stripe");
        given().post("/webhooks/other").then().statusCode(not(200));
        assertEquals(before, EchoUpstream.count("/webhooks"));
        given().get("/api/v1/ai/balance").then().statusCode(401);
    }

    @Test
    void shouldAnswerUnknownAndInternalPathsWith404Problems() {
        asAlice().get("/api/v1/nowhere").then().statusCode(404).contentType("application/problem+json");
        long before = EchoUpstream.count("/internal");
        asAlice().get("/internal/v1/media/objects").then().statusCode(404).contentType("application/problem+json");
        given().get("/internal/v1/anything").then().statusCode(404);
        assertEquals(before, EchoUpstream.count("/internal"));
    }

    @Test
    void shouldPassTheTokenUnchangedAndSetForwardingHeaders() {
        String token = TestTokens.forUser(alice);
        given().auth()
                .oauth2(token)
                .header("X-Request-Id", "client-req-12345")
                .get("/api/v1/visions/headers-1")
                .then()
                .statusCode(200)
                .header("X-Request-Id", "client-req-12345");
        EchoUpstream.Received received = EchoUpstream.last("/api/v1/visions/headers-1");
        assertEquals("Bearer " + token, received.header("Authorization"));
        assertEquals("client-req-12345", received.header("X-Request-Id"));
        assertEquals("127.0.0.1", received.header("X-Forwarded-For"));
        assertEquals("http", received.header("X-Forwarded-Proto"));
        assertNotEquals(null, received.header("X-Forwarded-Host"));
        // The host the client addressed, so a service builds its Location on it (platform proxy settings).
        asAlice()
                .header("Host", "api.example.com:8443")
                .get("/api/v1/visions/headers-host")
                .then()
                .statusCode(200);
        assertEquals(
                "api.example.com:8443",
                EchoUpstream.last("/api/v1/visions/headers-host").header("X-Forwarded-Host"));
    }

    @Test
    void shouldCreateARequestIdWhenNoneOrAMalformedOneIsSent() {
        String id = asAlice()
                .header("X-Request-Id", "bad id\twith spaces")
                .get("/api/v1/visions/headers-2")
                .then()
                .statusCode(200)
                .header("X-Request-Id", notNullValue())
                .extract()
                .header("X-Request-Id");
        UUID.fromString(id);
        assertEquals(id, EchoUpstream.last("/api/v1/visions/headers-2").header("X-Request-Id"));
    }

    @Test
    void shouldDropSpoofedForwardingAndIdentityHeaders() {
        asAlice()
                .header("X-Forwarded-For", "6.6.6.6")
                .header("X-Forwarded-Host", "evil.example.com")
                .header("Forwarded", "for=6.6.6.6")
                .header("X-User-Id", UUID.randomUUID().toString())
                .header("X-Auth-Request-User", "admin")
                .header("X-Real-IP", "6.6.6.6")
                .get("/api/v1/visions/headers-3")
                .then()
                .statusCode(200);
        EchoUpstream.Received received = EchoUpstream.last("/api/v1/visions/headers-3");
        assertEquals("127.0.0.1", received.header("X-Forwarded-For"));
        assertNotEquals("evil.example.com", received.header("X-Forwarded-Host"));
        assertNull(received.header("Forwarded"));
        assertNull(received.header("X-User-Id"));
        assertNull(received.header("X-Auth-Request-User"));
        assertNull(received.header("X-Real-IP"));
    }

    @Test
    void shouldRefuseEveryBadTokenWith401WithoutCallingTheService() {
        long before = EchoUpstream.count("/api/v1/visions/secret");
        given().get("/api/v1/visions/secret")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"))
                .contentType("application/problem+json");
        for (String token : List.of(
                "not.a.jwt",
                TestTokens.expired(alice),
                TestTokens.tampered(alice, UUID.randomUUID()),
                TestTokens.wrongIssuer(alice),
                TestTokens.wrongAudience(alice),
                TestTokens.foreignSignature(alice))) {
            given().auth()
                    .oauth2(token)
                    .get("/api/v1/visions/secret")
                    .then()
                    .statusCode(401)
                    .header("WWW-Authenticate", containsString("Bearer"))
                    .contentType("application/problem+json")
                    .body("status", equalTo(401));
        }
        assertEquals(before, EchoUpstream.count("/api/v1/visions/secret"));
    }

    @Test
    void shouldVerifyATokenOnceAndStillRefuseItOnceItHasExpired() throws InterruptedException {
        String token = TestTokens.forUser(alice, Duration.ofSeconds(2));
        long hits = tokens.cache().hits();
        given().auth().oauth2(token).get("/api/v1/visions/cache-1").then().statusCode(200);
        given().auth().oauth2(token).get("/api/v1/visions/cache-2").then().statusCode(200);
        given().auth().oauth2(token).get("/api/v1/visions/cache-3").then().statusCode(200);
        assertEquals(hits + 2, tokens.cache().hits(), "the second and third request reuse the first verification");
        assertEquals(
                "Bearer " + token, EchoUpstream.last("/api/v1/visions/cache-3").header("Authorization"));

        String tampered = TestTokens.tampered(alice, UUID.randomUUID());
        given().auth().oauth2(tampered).get("/api/v1/visions/cache-4").then().statusCode(401);
        given().auth().oauth2(tampered).get("/api/v1/visions/cache-4").then().statusCode(401);

        Thread.sleep(3_000);
        long before = EchoUpstream.count("/api/v1/visions/cache-5");
        given().auth()
                .oauth2(token)
                .get("/api/v1/visions/cache-5")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"));
        assertEquals(before, EchoUpstream.count("/api/v1/visions/cache-5"), "an expired token never reaches a service");
    }

    @Test
    void shouldAnswerCorsPreflightAtTheEdge() {
        long before = EchoUpstream.count("/api/v1/visions");
        given().header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "PATCH")
                .header("Access-Control-Request-Headers", "authorization,content-type,if-match")
                .options("/api/v1/visions/123")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:5173")
                .header("Access-Control-Allow-Methods", containsString("PATCH"));
        given().header("Origin", "https://evil.example.com")
                .header("Access-Control-Request-Method", "GET")
                .options("/api/v1/visions/123")
                .then()
                .header("Access-Control-Allow-Origin", Matchers.nullValue());
        assertEquals(before, EchoUpstream.count("/api/v1/visions"));
    }

    @Test
    void shouldRefuseBodiesOverTheLimitWith413() {
        long before = EchoUpstream.count("/api/v1/media/big");
        asAlice()
                .contentType("application/json")
                .body("{\"x\":\"" + "a".repeat(20_000) + "\"}")
                .post("/api/v1/media/big")
                .then()
                .statusCode(413)
                .contentType("application/problem+json");
        assertEquals(before, EchoUpstream.count("/api/v1/media/big"));
    }

    @Test
    void shouldRefuseChunkedBodiesOverTheLimitAndPassSmallerOnesWhole() throws Exception {
        long before = EchoUpstream.count("/api/v1/media/chunked-big");
        HttpResponse<String> big = postChunked("/api/v1/media/chunked-big", "{\"x\":\"" + "a".repeat(20_000) + "\"}");
        assertEquals(413, big.statusCode());
        assertEquals(
                "application/problem+json",
                big.headers().firstValue("Content-Type").orElse(""));
        assertEquals(before, EchoUpstream.count("/api/v1/media/chunked-big"), "the service never sees the body");

        String small = "{\"x\":\"" + "b".repeat(5_000) + "\"}";
        assertEquals(200, postChunked("/api/v1/media/chunked-small", small).statusCode());
        assertEquals(small, EchoUpstream.last("/api/v1/media/chunked-small").body());
    }

    /** POSTs a body of unknown length, which the JDK client sends with Transfer-Encoding: chunked. */
    private HttpResponse<String> postChunked(String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + path))
                .version(HttpClient.Version.HTTP_1_1)
                .header("Authorization", "Bearer " + TestTokens.forUser(alice))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldAnswer503WhenTheServiceIsDownAnd504WhenItIsTooSlow() {
        asAlice()
                .get("/api/v1/down/things")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("status", equalTo(503));
        long started = System.nanoTime();
        asAlice()
                .get("/api/v1/slow/thing")
                .then()
                .statusCode(504)
                .contentType("application/problem+json")
                .body("status", equalTo(504));
        assertTrue(
                System.nanoTime() - started < 2_500_000_000L,
                "gave up at the route's timeout, not the upstream's pace");
    }

    @Test
    void shouldServeOneMergedOpenApiDocument() {
        given().get("/openapi")
                .then()
                .statusCode(200)
                .body("info.title", equalTo("VibrationFit API"))
                .body("paths.'/api/v1/visions'.get", notNullValue())
                .body("components.schemas.VisionView", notNullValue())
                .body("x-merged-from", hasItem("vision"))
                .body("x-unavailable", Matchers.nullValue());
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void shouldReportEachUpstreamInReadiness() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'upstreams' }.data.vision", equalTo("UP"))
                .body("checks.find { it.name == 'upstreams' }.data.down", equalTo("DOWN"));
    }
}
