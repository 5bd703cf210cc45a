package com.vibrationfit.gateway.openapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vibrationfit.gateway.EchoUpstream;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The merged OpenAPI document is cached: a short TTL in its own boot, so the first request finds the
 * cache empty. Three routes (vision, media, journal) publish their document, all served by the echo
 * upstream, so one refresh is three fetches of {@code /q/openapi}.
 */
@QuarkusTest
@TestProfile(OpenApiCacheTest.ShortTtl.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenApiCacheTest {

    // Long enough that the first test's requests all land within it on a busy 2-core machine.
    private static final long TTL_MILLIS = 6_000;
    private static final int UPSTREAMS = 3;

    public static class ShortTtl implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("vf.gateway.openapi.cache-ttl", "PT6S");
        }
    }

    @AfterEach
    void upstreamsBackToNormal() {
        EchoUpstream.openapiStatus = 200;
        EchoUpstream.openapiDelayMillis = 0;
    }

    @Test
    @Order(1)
    void shouldFetchEachServiceOnceForManyConcurrentRequestsWithinTheTtl() throws Exception {
        long before = fetches();
        EchoUpstream.openapiDelayMillis = 300; // the requests all arrive while the first fetch is under way
        List<HttpResponse<String>> answers = concurrently(20);
        for (HttpResponse<String> answer : answers) {
            assertEquals(200, answer.statusCode());
            assertTrue(answer.body().contains("\"/api/v1/visions\""), answer.body());
        }
        assertEquals(before + UPSTREAMS, fetches(), "20 requests on an empty cache: one fetch per service");

        for (int i = 0; i < 10; i++) {
            given().get("/openapi")
                    .then()
                    .statusCode(200)
                    .body("x-merged-from", containsInAnyOrder("vision", "media", "journal"));
        }
        assertEquals(before + UPSTREAMS, fetches(), "within the TTL the services are not asked again");
    }

    @Test
    @Order(2)
    void shouldServeTheOldDocumentAtOnceAndRefreshItOnceInTheBackground() throws Exception {
        given().get("/openapi").then().statusCode(200);
        Thread.sleep(TTL_MILLIS + 200);
        long before = fetches();
        EchoUpstream.openapiDelayMillis =
                2_800; // under the fetch's 3 s idle timeout, over what 20 answers take on a busy box
        long started = System.nanoTime();
        List<HttpResponse<String>> answers = concurrently(20);
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        answers.forEach(answer -> assertEquals(200, answer.statusCode()));
        assertTrue(
                tookMillis < 2_000,
                "the expired document was served without waiting for the refresh: " + tookMillis + " ms");

        waitForFetches(before + UPSTREAMS);
        Thread.sleep(3_000); // the refresh (2.5 s) has ended: nothing else started meanwhile
        assertEquals(before + UPSTREAMS, fetches(), "one refresh for 20 requests on an expired document");
    }

    @Test
    @Order(3)
    void shouldKeepTheLastGoodPartOfAServiceThatIsDown() throws Exception {
        given().get("/openapi").then().statusCode(200).body("x-stale", nullValue());
        Thread.sleep(TTL_MILLIS + 200);
        EchoUpstream.openapiStatus = 503;
        long before = fetches();
        given().get("/openapi").then().statusCode(200); // expired: starts the refresh that fails
        waitForFetches(before + UPSTREAMS);
        Thread.sleep(300); // the failed fetches are merged
        given().get("/openapi")
                .then()
                .statusCode(200)
                .body("paths.'/api/v1/visions'.get", notNullValue())
                .body("components.schemas.VisionView", notNullValue())
                .body("x-merged-from", containsInAnyOrder("vision", "media", "journal"))
                .body("x-stale", containsInAnyOrder("vision", "media", "journal"))
                .body("x-unavailable", nullValue());

        EchoUpstream.openapiStatus = 200;
        Thread.sleep(TTL_MILLIS + 200);
        long back = fetches();
        given().get("/openapi").then().statusCode(200);
        waitForFetches(back + UPSTREAMS);
        Thread.sleep(300);
        given().get("/openapi")
                .then()
                .statusCode(200)
                .body("x-stale", nullValue())
                .body("x-merged-from", containsInAnyOrder("vision", "media", "journal"));
    }

    private static long fetches() {
        return EchoUpstream.count("/q/openapi");
    }

    private static void waitForFetches(long expected) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (fetches() < expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(expected, fetches());
    }

    /** GET /openapi {@code n} times at once. */
    private static List<HttpResponse<String>> concurrently(int n) throws Exception {
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + "/openapi"))
                .build();
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            sent.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> answer : sent) {
            answers.add(answer.get());
        }
        return answers;
    }
}
