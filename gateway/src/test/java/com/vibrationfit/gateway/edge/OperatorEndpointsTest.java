package com.vibrationfit.gateway.edge;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Health and metrics answer the cluster (probes, Prometheus: no proxy headers) but not a request that came through
 * the Ingress; the API documentation stays public.
 */
@QuarkusTest
class OperatorEndpointsTest {

    @Test
    void shouldAnswerProbesAndPrometheusInsideTheCluster() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"));
    }

    @Test
    void shouldHideThemFromRequestsThroughTheIngress() {
        for (String header : new String[] {"X-Forwarded-For", "Forwarded", "X-Real-IP"}) {
            String value = header.equals("Forwarded") ? "for=203.0.113.7" : "203.0.113.7";
            given().header(header, value)
                    .get("/q/metrics")
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json");
            given().header(header, value).get("/q/health/ready").then().statusCode(404);
        }
    }

    @Test
    void shouldKeepTheApiDocumentationPublic() {
        given().header("X-Forwarded-For", "203.0.113.7")
                .get("/q/openapi")
                .then()
                .statusCode(200);
    }
}
