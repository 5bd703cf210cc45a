package com.vibrationfit.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The gateway, and each service behind it, refuse requests without a valid token for this API. */
@ExtendWith(PlatformUnderTest.class)
class EdgeTest {

    @Test
    void noTokenIs401() {
        given().get("/api/v1/visions")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"))
                .contentType("application/problem+json");
        given().get("/api/v1/media/objects/00000000-0000-4000-8000-000000000000")
                .then()
                .statusCode(401);
    }

    @Test
    void anExpiredTokenIs401() throws InterruptedException {
        String token = Keycloak.token("vibrationfit-e2e-short-lived", "alice");
        given().auth().oauth2(token).get("/api/v1/visions").then().statusCode(200);
        Thread.sleep(3_500);
        given().auth().oauth2(token).get("/api/v1/visions").then().statusCode(401);
    }

    @Test
    void aTokenForAnotherAudienceIs401AtTheGatewayAndAtTheService() {
        String token = Keycloak.token("vibrationfit-e2e-other-audience", "alice");
        given().auth().oauth2(token).get("/api/v1/visions").then().statusCode(401);
        given().baseUri("http://127.0.0.1:8082")
                .auth()
                .oauth2(token)
                .get("/api/v1/visions")
                .then()
                .statusCode(401);
        given().baseUri("http://127.0.0.1:8085")
                .auth()
                .oauth2(token)
                .get("/api/v1/media/objects/x")
                .then()
                .statusCode(401);
        given().baseUri("http://127.0.0.1:8084")
                .auth()
                .oauth2(token)
                .get("/api/v1/journal/entries")
                .then()
                .statusCode(401);
        given().baseUri("http://127.0.0.1:8081")
                .auth()
                .oauth2(token)
                .get("/api/v1/profiles/me")
                .then()
                .statusCode(401);
        given().baseUri("http://127.0.0.1:8083")
                .auth()
                .oauth2(token)
                .get("/api/v1/assessments")
                .then()
                .statusCode(401);
        given().baseUri("http://127.0.0.1:8086")
                .auth()
                .oauth2(token)
                .get("/api/v1/ai/balance")
                .then()
                .statusCode(401);
    }

    @Test
    void internalPathsAreNeverRouted() {
        given().auth()
                .oauth2(Keycloak.token("alice"))
                .get("/internal/v1/anything")
                .then()
                .statusCode(404);
    }
}
