package com.vibrationfit.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.http.ContentType;
import java.util.Map;
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
        given().auth().oauth2(alice).get("/api/v1/ai/balance").then().statusCode(200)
                .body("user_id", equalTo("11111111-1111-4111-8111-111111111111"))
                .body("remaining", greaterThanOrEqualTo(0))
                .body("next_drip_at", notNullValue());
        given().auth().oauth2(alice).get("/api/v1/ai/usage/summary").then().statusCode(200).body("total", notNullValue());
        int before = given().auth().oauth2(alice).get("/api/v1/ai/balance").then().extract().path("remaining");

        Map<String, Object> grant = Map.of("user_id", "11111111-1111-4111-8111-111111111111", "amount", 5,
                "reason", "system test");
        given().auth().oauth2(alice).contentType(ContentType.JSON).body(grant).post("/api/v1/admin/ai/grants").then()
                .statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Keycloak.token("admin")).contentType(ContentType.JSON).body(grant)
                .post("/api/v1/admin/ai/grants").then().statusCode(201).body("balance.remaining", equalTo(before + 5));
        given().auth().oauth2(alice).get("/api/v1/ai/balance").then().body("remaining", equalTo(before + 5));
        given().auth().oauth2(alice).contentType(ContentType.JSON)
                .body(Map.of("user_id", "11111111-1111-4111-8111-111111111111", "action_type", "chat_conversation",
                        "estimated_tokens", 1))
                .post("/internal/v1/ai/reservations").then().statusCode(404);
    }
}
