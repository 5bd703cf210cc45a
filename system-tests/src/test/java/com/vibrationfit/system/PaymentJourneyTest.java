package com.vibrationfit.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A member buys a pack as ./vf up runs it: checkout through the gateway, the payment on the provider's hosted page
 * (the Stripe protocol stub on :12111), the provider's signed webhook back through the gateway's /webhooks/stripe,
 * and the tokens granted only then; the card is saved, so auto top-up can be turned on.
 */
@ExtendWith(PlatformUnderTest.class)
class PaymentJourneyTest {

    private static final String PROVIDER = "http://127.0.0.1:12111";

    @Test
    void aMemberBuysAPackAndGetsItsTokensOnceThePaymentIsThrough() {
        String username = "buyer-" + UUID.randomUUID().toString().substring(0, 8);
        String id = KeycloakAdmin.createUser(username);
        try {
            String token = KeycloakAdmin.login(username).getString("access_token");
            RequestSpecification member = given().auth().oauth2(token).contentType(ContentType.JSON);
            int before = member.get("/api/v1/ai/balance")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("remaining");
            member.get("/api/v1/ai/offers").then().statusCode(200).body("plans[0].current", equalTo(true));
            String url = given().auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .body(Map.of("pack_id", "small"))
                    .post("/api/v1/ai/checkout")
                    .then()
                    .statusCode(201)
                    .body("checkout_url", startsWith(PROVIDER + "/checkout/cs_"))
                    .extract()
                    .path("checkout_url");
            given().auth().oauth2(token).get("/api/v1/ai/purchases").then().body("items[0].status", equalTo("pending"));
            given().auth().oauth2(token).get("/api/v1/ai/balance").then().body("remaining", equalTo(before));

            // The member pays on the provider's page, which sends them back to the web app's account page.
            given().baseUri(url)
                    .basePath("")
                    .redirects()
                    .follow(false)
                    .post("/pay")
                    .then()
                    .statusCode(303)
                    .header("Location", startsWith("http://127.0.0.1:8080/account?checkout=success"));
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> given().auth()
                            .oauth2(token)
                            .get("/api/v1/ai/balance")
                            .then()
                            .body("remaining", equalTo(before + 500)));
            given().auth()
                    .oauth2(token)
                    .get("/api/v1/ai/purchases")
                    .then()
                    .body("items[0].status", equalTo("paid"))
                    .body("items[0].amount_cents", equalTo(499));
            given().auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .body(Map.of("enabled", true, "pack_id", "small"))
                    .put("/api/v1/ai/auto-topup")
                    .then()
                    .statusCode(200)
                    .body("auto_topup_enabled", equalTo(true));
            given().auth()
                    .oauth2(Keycloak.token("admin"))
                    .get("/api/v1/admin/ai/members/" + id + "/purchases")
                    .then()
                    .statusCode(200)
                    .body("items[0].status", equalTo("paid"));
        } finally {
            KeycloakAdmin.deleteUser(id);
        }
    }
}
