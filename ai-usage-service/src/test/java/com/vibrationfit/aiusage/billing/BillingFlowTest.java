package com.vibrationfit.aiusage.billing;

import static com.vibrationfit.platform.testing.Api.as;
import static com.vibrationfit.platform.testing.Api.problem;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.vibrationfit.aiusage.Spend;
import com.vibrationfit.aiusage.StripeStubResource;
import com.vibrationfit.platform.testing.KafkaTopics;
import com.vibrationfit.platform.testing.RawSql;
import com.vibrationfit.platform.testing.StripeProtocolStub;
import com.vibrationfit.platform.testing.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Packs, plans and auto top-up through the real Stripe client against the protocol stub, which signs and sends its
 * webhooks to this service: tokens come only when the provider says paid, each event counts once, refunds take back
 * what is left, a declined card grants nothing, and a webhook endpoint that is away gets the event later.
 */
@QuarkusTest
class BillingFlowTest {

    @TestHTTPResource("/webhooks/stripe")
    URL webhook;

    private final UUID member = UUID.randomUUID();
    private StripeProtocolStub stripe;

    @BeforeEach
    void pointTheProviderHere() {
        stripe = StripeStubResource.stub();
        stripe.webhookUrl(webhook.toString());
    }

    private String checkout(UUID who, Map<String, Object> body) {
        String url = as(who).body(body)
                .post("/api/v1/ai/checkout")
                .then()
                .statusCode(201)
                .body("purchase_id", notNullValue())
                .extract()
                .path("checkout_url");
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private int remaining(UUID who) {
        return as(who).get("/api/v1/ai/balance")
                .then()
                .statusCode(200)
                .extract()
                .path("remaining");
    }

    private void awaitRemaining(UUID who, int expected) {
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertEquals(expected, remaining(who)));
    }

    private String onlyPurchase(UUID who, String field) {
        return as(who).get("/api/v1/ai/purchases")
                .then()
                .statusCode(200)
                .extract()
                .path("items[0]." + field);
    }

    @Test
    void shouldGrantAPackOnlyWhenPaidAndOnlyOnceHoweverOftenTheProviderSaysSo() {
        as(member)
                .get("/api/v1/ai/offers")
                .then()
                .statusCode(200)
                .body("plans.id", equalTo(List.of("free", "plus", "pro")))
                .body("plans[0].current", equalTo(true))
                .body("plans[1].tokens_per_cycle", equalTo(100000))
                .body("plans[1].cycle_days", equalTo(28))
                .body("packs.id", equalTo(List.of("small", "large")));
        String session = checkout(member, Map.of("pack_id", "small"));
        as(member)
                .get("/api/v1/ai/purchases")
                .then()
                .body("items", hasSize(1))
                .body("items[0].status", equalTo("pending"))
                .body("items[0].amount_cents", equalTo(499))
                .body("items[0].tokens", equalTo(500));
        assertEquals(100, remaining(member), "nothing is granted before the payment");

        stripe.pay(session);
        awaitRemaining(member, 600);
        assertEquals("paid", onlyPurchase(member, "status"));
        as(member).get("/api/v1/ai/plan").then().body("payment_method_saved", equalTo(true));

        // Stripe may deliver an event again: it changes nothing.
        for (String event : stripe.sentEvents()) {
            if (event.contains(session)) {
                stripe.resend(idOf(event));
            }
        }
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertEquals(600, remaining(member));
        assertEquals(
                1,
                RawSql.asSystem("select 1 from token_grants where user_id = '" + member + "' and kind = 'purchase'")
                        .size());
    }

    @Test
    void shouldGrantNothingForADeclinedCardAndLetTheMemberTryAgain() {
        String session = checkout(member, Map.of("pack_id", "large"));
        stripe.payDeclined(session);
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertEquals("Your card was declined.", onlyPurchase(member, "failure_reason")));
        assertEquals("pending", onlyPurchase(member, "status"), "the checkout stays open for another card");
        assertEquals(100, remaining(member));
        stripe.pay(session);
        awaitRemaining(member, 2600);
        assertEquals("paid", onlyPurchase(member, "status"));
    }

    @Test
    void shouldTakeBackWhatIsLeftOfARefundedPack() {
        String session = checkout(member, Map.of("pack_id", "small"));
        stripe.pay(session);
        awaitRemaining(member, 600);
        // 150 spent: the initial 100 first (the oldest lot), then 50 of the pack.
        String hold =
                Spend.reserve(member, 150).then().statusCode(201).extract().path("id");
        Spend.capture(hold, 150).then().statusCode(200);
        assertEquals(450, remaining(member));
        String intent = RawSql.asSystem(
                        "select payment_intent_id from token_purchases where user_id = '" + member + "'")
                .get(0)
                .get("payment_intent_id")
                .toString();
        stripe.refund(intent);
        awaitRemaining(member, 0);
        assertEquals("refunded", onlyPurchase(member, "status"));
        Map<String, Object> lot = RawSql.asSystem(
                        "select consumed, revoked, remaining from token_grants where user_id = '" + member
                                + "' and kind = 'purchase'")
                .get(0);
        assertEquals(50, ((Number) lot.get("consumed")).intValue(), "what was spent stays spent");
        assertEquals(450, ((Number) lot.get("revoked")).intValue());
    }

    @Test
    void shouldGrantAPlanPerPaidCycleWithRolloverAndReturnToFreeWhenItEnds() {
        String session = checkout(member, Map.of("plan_id", "plus"));
        stripe.pay(session);
        awaitRemaining(member, 100 + 100_000);
        String subscription = as(member)
                .get("/api/v1/ai/plan")
                .then()
                .statusCode(200)
                .body("plan_id", equalTo("plus"))
                .body("status", equalTo("active"))
                .body("tokens_per_cycle", equalTo(100000))
                .body("next_grant_at", notNullValue())
                .extract()
                .path("plan_id");
        assertEquals("plus", subscription);
        // The plan's card is saved: auto top-up can be turned on without buying a pack first.
        as(member).get("/api/v1/ai/plan").then().body("payment_method_saved", equalTo(true));
        turnAutoTopUpOn(member);
        Map<String, Object> lot = RawSql.asSystem(
                        "select extract(epoch from expires_at - created_at) / 86400 as days from token_grants"
                                + " where user_id = '" + member + "' and kind = 'plan'")
                .get(0);
        double days = ((Number) lot.get("days")).doubleValue();
        assertTrue(days > 4 * 28 - 1 && days <= 4 * 28, "a cycle's tokens last this cycle and 3 more: " + days);
        problem(
                        as(member)
                                .body(Map.of("plan_id", "pro"))
                                .post("/api/v1/ai/checkout")
                                .then(),
                        409)
                .body("errors[0].field", equalTo("plan_id"));

        String sub = RawSql.asSystem(
                        "select payment_subscription_id from token_accounts where user_id = '" + member + "'")
                .get(0)
                .get("payment_subscription_id")
                .toString();
        stripe.renew(sub);
        awaitRemaining(member, 100 + 200_000);
        as(member).get("/api/v1/ai/purchases").then().body("items.kind", equalTo(List.of("renewal", "plan")));
        stripe.failRenewal(sub);
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> as(member).get("/api/v1/ai/plan").then().body("status", equalTo("past_due")));

        as(member).delete("/api/v1/ai/plan").then().statusCode(200).body("status", equalTo("canceling"));
        // At the period's end the provider ends the subscription instead of renewing it.
        stripe.renew(sub);
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> as(member)
                        .get("/api/v1/ai/plan")
                        .then()
                        .body("plan_id", equalTo("free"))
                        .body("tokens_per_cycle", equalTo(100)));
        assertEquals(100 + 200_000, remaining(member), "tokens already granted stay until they expire");
        problem(as(member).delete("/api/v1/ai/plan").then(), 409);
    }

    @Test
    void shouldChargeTheSavedCardForAutoTopUpAndGrantOnlyWhenPaid() {
        problem(
                        as(member)
                                .body(Map.of("enabled", true, "pack_id", "small"))
                                .put("/api/v1/ai/auto-topup")
                                .then(),
                        409)
                .body("errors[0].field", equalTo("enabled"));
        stripe.pay(checkout(member, Map.of("pack_id", "small")));
        awaitRemaining(member, 600);
        turnAutoTopUpOn(member);
        // 520 spent: 80 left, below a fifth of the 500 pack.
        String hold =
                Spend.reserve(member, 520).then().statusCode(201).extract().path("id");
        Spend.capture(hold, 520).then().statusCode(200);
        awaitRemaining(member, 80 + 500);
        as(member)
                .get("/api/v1/ai/purchases")
                .then()
                .body("items[0].kind", equalTo("auto_topup"))
                .body("items[0].status", equalTo("paid"))
                .body("items[0].amount_cents", equalTo(499));
        // The charger may send its charge again (a retry after a lost answer): the idempotency key makes it one.
        long charges = stripe.eventTypes().isEmpty()
                ? 0
                : stripe.sentEvents().stream()
                        .filter(e -> e.contains("\"payment_intent.succeeded\"") && e.contains(member.toString()))
                        .map(BillingFlowTest::objectIdOf)
                        .distinct()
                        .count();
        assertEquals(2, charges, "the pack bought, then one auto top-up charged to the saved card");
    }

    @Test
    void shouldGrantNothingWhenTheAutoTopUpChargeIsDeclined() {
        stripe.pay(checkout(member, Map.of("pack_id", "small")));
        awaitRemaining(member, 600);
        String customer = RawSql.asSystem(
                        "select payment_customer_id from token_accounts where user_id = '" + member + "'")
                .get(0)
                .get("payment_customer_id")
                .toString();
        stripe.declineCardsOf(customer);
        as(member)
                .body(Map.of("enabled", true, "pack_id", "small"))
                .put("/api/v1/ai/auto-topup")
                .then()
                .statusCode(200);
        String hold =
                Spend.reserve(member, 550).then().statusCode(201).extract().path("id");
        Spend.capture(hold, 550).then().statusCode(200);
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertEquals("failed", onlyPurchase(member, "status")));
        assertEquals("Your card was declined.", onlyPurchase(member, "failure_reason"));
        assertEquals(50, remaining(member));
    }

    @Test
    void shouldReceiveAnEventSentWhileTheEndpointWasAway() {
        stripe.webhookUrl("http://127.0.0.1:9/webhooks/stripe"); // nothing listens there: Stripe retries
        String session = checkout(member, Map.of("pack_id", "small"));
        stripe.pay(session);
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertEquals(100, remaining(member));
        stripe.webhookUrl(webhook.toString());
        awaitRemaining(member, 600);
    }

    @Test
    void shouldRefuseWebhooksNotSignedByTheProvider() {
        String body = "{\"id\":\"evt_forged\",\"type\":\"checkout.session.completed\",\"data\":{\"object\":"
                + "{\"mode\":\"payment\",\"payment_status\":\"paid\",\"metadata\":{\"user_id\":\"" + member + "\"}}}}";
        problem(
                        given().contentType(ContentType.JSON)
                                .body(body)
                                .post("/webhooks/stripe")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("Stripe-Signature"));
        long now = Instant.now().getEpochSecond();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        problem(
                given().contentType(ContentType.JSON)
                        .header("Stripe-Signature", StripeSignature.header(now, bytes, "whsec_someone_else"))
                        .body(bytes)
                        .post("/webhooks/stripe")
                        .then(),
                400);
        problem(
                given().contentType(ContentType.JSON)
                        .header(
                                "Stripe-Signature",
                                StripeSignature.header(now - 600, bytes, StripeStubResource.WEBHOOK_SECRET))
                        .body(bytes)
                        .post("/webhooks/stripe")
                        .then(),
                400);
        given().contentType(ContentType.JSON)
                .header("Stripe-Signature", StripeSignature.header(now, bytes, StripeStubResource.WEBHOOK_SECRET))
                .body(bytes)
                .post("/webhooks/stripe")
                .then()
                .statusCode(200);
    }

    @Test
    void shouldAnswerBadCheckoutsWithTheFieldAndOthersPlansWith404ForAdminsOnly() {
        given().get("/api/v1/ai/plan").then().statusCode(401);
        given().contentType(ContentType.JSON)
                .body(Map.of("pack_id", "small"))
                .post("/api/v1/ai/checkout")
                .then()
                .statusCode(401);
        problem(as(member).body(Map.of()).post("/api/v1/ai/checkout").then(), 400)
                .body("errors.field", hasItem("pack_id"));
        problem(
                as(member)
                        .body(Map.of("pack_id", "small", "plan_id", "plus"))
                        .post("/api/v1/ai/checkout")
                        .then(),
                400);
        problem(
                        as(member)
                                .body(Map.of("pack_id", "huge"))
                                .post("/api/v1/ai/checkout")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("pack_id"));
        problem(
                        as(member)
                                .body(Map.of("plan_id", "free"))
                                .post("/api/v1/ai/checkout")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("plan_id"));
        assertEquals(
                0,
                RawSql.asSystem("select 1 from token_purchases where user_id = '" + member + "'")
                        .size());

        stripe.pay(checkout(member, Map.of("pack_id", "small")));
        awaitRemaining(member, 600);
        as(UUID.randomUUID()).get("/api/v1/ai/purchases").then().statusCode(200).body("items", hasSize(0));
        as(member).get("/api/v1/admin/ai/members/" + member + "/plan").then().statusCode(403);
        String admin = TestTokens.forAdmin(UUID.randomUUID());
        given().auth()
                .oauth2(admin)
                .get("/api/v1/admin/ai/members/" + member + "/plan")
                .then()
                .statusCode(200)
                .body("plan_id", equalTo("free"))
                .body("payment_method_saved", equalTo(true));
        given().auth()
                .oauth2(admin)
                .get("/api/v1/admin/ai/members/" + member + "/purchases")
                .then()
                .statusCode(200)
                .body("items[0].status", equalTo("paid"));
        given().auth()
                .oauth2(admin)
                .get("/api/v1/admin/ai/members/" + UUID.randomUUID() + "/plan")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(admin)
                .get("/api/v1/admin/ai/members/" + member + "/balance")
                .then()
                .statusCode(200)
                .body("remaining", equalTo(600));
    }

    @Test
    void shouldLeaveNoPurchaseBehindADeletedMemberEvenWhenTheProviderSpeaksLater() {
        String session = checkout(member, Map.of("pack_id", "small"));
        KafkaTopics.publishUserDeleted(member);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> RawSql.asSystem("select 1 from token_accounts where user_id = '" + member + "'")
                        .isEmpty());
        stripe.pay(session); // paid after the account went: recreates nothing
        await().atMost(Duration.ofSeconds(15)).until(() -> stripe.eventTypes().contains("checkout.session.completed"));
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> true);
        for (String table : List.of("token_accounts", "token_grants", "token_purchases")) {
            assertEquals(
                    0,
                    RawSql.asSystem("select 1 from " + table + " where user_id = '" + member + "'")
                            .size(),
                    table);
        }
        as(member).get("/api/v1/ai/purchases").then().statusCode(401);
        given().auth()
                .oauth2(TestTokens.forUser(member))
                .get("/api/v1/ai/plan")
                .then()
                .statusCode(401)
                .body("plan_id", nullValue());
    }

    @Test
    void shouldDeleteADeletedMembersCustomerAtTheProvider() {
        String session = checkout(member, Map.of("pack_id", "small"));
        stripe.pay(session);
        awaitRemaining(member, 600);
        String customer = (String)
                RawSql.asSystem("select payment_customer_id from token_accounts where user_id = '" + member + "'")
                        .get(0)
                        .get("payment_customer_id");

        KafkaTopics.publishUserDeleted(member);

        // Their name, card and any subscription at the provider go too; nothing of them is left queued here.
        await().atMost(Duration.ofSeconds(15)).until(() -> stripe.customerDeleted(customer));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> RawSql.asSystem(
                                "select 1 from payment_customer_erasures where customer_id = '" + customer + "'")
                        .isEmpty());
    }

    private static String objectIdOf(String eventJson) {
        try {
            return new ObjectMapper()
                    .readTree(eventJson)
                    .path("data")
                    .path("object")
                    .path("id")
                    .asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String idOf(String eventJson) {
        try {
            return new ObjectMapper().readTree(eventJson).path("id").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Turns auto top-up on with the small pack, which must succeed. */
    private static void turnAutoTopUpOn(UUID member) {
        as(member)
                .body(Map.of("enabled", true, "pack_id", "small"))
                .put("/api/v1/ai/auto-topup")
                .then()
                .statusCode(200)
                .body("auto_topup_enabled", equalTo(true));
    }
}
