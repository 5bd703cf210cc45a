package com.vibrationfit.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A member's token balance and usage through the gateway, and the admin API only for the realm role admin.
 * (The internal spend API is not routed: /internal answers 404 at the gateway.)
 */
@ExtendWith(PlatformUnderTest.class)
class TokenBalanceTest {

    @Test
    void aMemberSeesTheirBalanceAndOnlyAdminsGrant() {
        String alice = Keycloak.token("alice");
        given().auth()
                .oauth2(alice)
                .get("/api/v1/ai/balance")
                .then()
                .statusCode(200)
                .body("user_id", equalTo("11111111-1111-4111-8111-111111111111"))
                .body("remaining", greaterThanOrEqualTo(0))
                .body("next_drip_at", notNullValue());
        given().auth()
                .oauth2(alice)
                .get("/api/v1/ai/usage/summary")
                .then()
                .statusCode(200)
                .body("total", notNullValue());
        int before = given().auth()
                .oauth2(alice)
                .get("/api/v1/ai/balance")
                .then()
                .extract()
                .path("remaining");

        Map<String, Object> grant =
                Map.of("user_id", "11111111-1111-4111-8111-111111111111", "amount", 5, "reason", "system test");
        given().auth()
                .oauth2(alice)
                .contentType(ContentType.JSON)
                .body(grant)
                .post("/api/v1/admin/ai/grants")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Keycloak.token("admin"))
                .contentType(ContentType.JSON)
                .body(grant)
                .post("/api/v1/admin/ai/grants")
                .then()
                .statusCode(201)
                .body("balance.remaining", equalTo(before + 5));
        given().auth().oauth2(alice).get("/api/v1/ai/balance").then().body("remaining", equalTo(before + 5));
        // ai.balance.changed reaches profile-service, which shows the ledger in the profile's token columns.
        given().auth()
                .oauth2(alice)
                .contentType(ContentType.JSON)
                .body(Map.of())
                .patch("/api/v1/profiles/me")
                .then()
                .statusCode(Matchers.anyOf(equalTo(200), equalTo(201)));
        Instant deadline = Instant.now().plusSeconds(30);
        Integer shown;
        do {
            shown = given().auth()
                    .oauth2(alice)
                    .get("/api/v1/profiles/me")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("vibe_assistant_tokens_remaining");
        } while (shown != before + 5 && Instant.now().isBefore(deadline));
        Assertions.assertEquals(before + 5, shown);
        given().auth()
                .oauth2(alice)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "user_id",
                        "11111111-1111-4111-8111-111111111111",
                        "action_type",
                        "chat_conversation",
                        "estimated_tokens",
                        1))
                .post("/internal/v1/ai/reservations")
                .then()
                .statusCode(404);
    }

    /**
     * media-service's own Keycloak client (client credentials, realm role ai-spender) reserves and captures a
     * member's tokens at ai-usage-service directly; a member's token is refused there (403).
     */
    @Test
    void aServiceSpendsAMembersTokensWithItsOwnIdentity() {
        String service = Keycloak.serviceToken("media-service", "media-service-local-only");
        String ai = "http://127.0.0.1:8086";
        int before = given().auth()
                .oauth2(Keycloak.token("bob"))
                .get("/api/v1/ai/balance")
                .then()
                .statusCode(200)
                .extract()
                .path("remaining");
        Map<String, Object> reservation =
                Map.of("user_id", Keycloak.BOB, "action_type", "audio_generation", "estimated_tokens", 1);
        given().baseUri(ai)
                .auth()
                .oauth2(Keycloak.token("bob"))
                .contentType(ContentType.JSON)
                .body(reservation)
                .post("/internal/v1/ai/reservations")
                .then()
                .statusCode(403);
        if (before < 1) {
            given().baseUri(ai)
                    .auth()
                    .oauth2(service)
                    .contentType(ContentType.JSON)
                    .body(reservation)
                    .post("/internal/v1/ai/reservations")
                    .then()
                    .statusCode(402)
                    .body("remaining", equalTo(before));
            return;
        }
        String id = given().baseUri(ai)
                .auth()
                .oauth2(service)
                .contentType(ContentType.JSON)
                .body(reservation)
                .post("/internal/v1/ai/reservations")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().baseUri(ai)
                .auth()
                .oauth2(service)
                .contentType(ContentType.JSON)
                .body(Map.of("model_used", "eleven_multilingual_v2", "characters", 1, "success", true))
                .post("/internal/v1/ai/reservations/" + id + "/capture")
                .then()
                .statusCode(200)
                .body("tokens_used", equalTo(1));
        given().auth()
                .oauth2(Keycloak.token("bob"))
                .get("/api/v1/ai/balance")
                .then()
                .body("remaining", equalTo(before - 1));
    }
}
