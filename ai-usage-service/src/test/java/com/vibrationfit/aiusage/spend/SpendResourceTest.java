package com.vibrationfit.aiusage.spend;

import static com.vibrationfit.platform.testing.Api.as;
import static com.vibrationfit.platform.testing.Api.problem;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.vibrationfit.aiusage.Spend;
import com.vibrationfit.platform.testing.RawSql;
import com.vibrationfit.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SpendResourceTest {

    private final UUID alice = UUID.randomUUID();

    private int remaining(UUID member) {
        return as(member)
                .get("/api/v1/ai/balance")
                .then()
                .statusCode(200)
                .extract()
                .path("remaining");
    }

    @Test
    void shouldReserveCaptureTheActualCostAndFreeTheRest() {
        String id = Spend.reserve(alice, 60)
                .then()
                .statusCode(201)
                .body("status", equalTo("open"))
                .body("expires_at", notNullValue())
                .extract()
                .path("id");
        as(alice)
                .get("/api/v1/ai/balance")
                .then()
                .body("remaining", equalTo(40))
                .body("reserved", equalTo(60));
        Spend.capture(id, 45)
                .then()
                .statusCode(200)
                .body("tokens_used", equalTo(45))
                .body("model_used", equalTo("eleven_multilingual_v2"))
                .body("action_type", equalTo("audio_generation"))
                .body("cost_estimate", equalTo(1.35f)); // 45 characters at 30 cents per 1,000
        as(alice)
                .get("/api/v1/ai/balance")
                .then()
                .body("remaining", equalTo(55))
                .body("reserved", equalTo(0))
                .body("used", equalTo(45))
                .body("total_cost_cents", equalTo(1.35f));
        // capturing again changes nothing and answers the same usage
        Spend.capture(id, 45).then().statusCode(200).body("tokens_used", equalTo(45));
        assertEquals(55, remaining(alice));
        as(alice)
                .get("/api/v1/ai/usage")
                .then()
                .body("items.size()", equalTo(1))
                .body("items[0].metadata.reservation_id", equalTo(id));
        problem(
                Spend.asService()
                        .post("/internal/v1/ai/reservations/" + id + "/release")
                        .then(),
                409);
    }

    @Test
    void shouldChargeATranscriptionByTheMinutesOfAudio() {
        given().auth()
                .oauth2(TestTokens.forAdmin(UUID.randomUUID()))
                .contentType("application/json")
                .body(Map.of("user_id", alice.toString(), "amount", 200, "reason", "test"))
                .post("/api/v1/admin/ai/grants")
                .then()
                .statusCode(201);
        assertEquals(300, remaining(alice));
        String id = Spend.asService()
                .body(Map.of(
                        "user_id", alice.toString(), "action_type", "audio_transcription", "estimated_tokens", 150))
                .post("/internal/v1/ai/reservations")
                .then()
                .statusCode(201)
                .body("action_type", equalTo("audio_transcription"))
                .extract()
                .path("id");
        Spend.asService()
                .body("""
                        {"model_used":"whisper-1","audio_seconds":90,"success":true}""")
                .post("/internal/v1/ai/reservations/" + id + "/capture")
                .then()
                .statusCode(200)
                .body("tokens_used", equalTo(150)) // 90 s at 100 tokens per minute
                .body("action_type", equalTo("audio_transcription"))
                .body("model_used", equalTo("whisper-1"))
                .body("cost_estimate", equalTo(0.9f)); // 1.5 minutes at 0.6 cents
        as(alice)
                .get("/api/v1/ai/balance")
                .then()
                .body("remaining", equalTo(150))
                .body("reserved", equalTo(0))
                .body("used", equalTo(150));
        as(alice)
                .get("/api/v1/ai/usage?action_type=audio_transcription")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].tokens_used", equalTo(150));
    }

    @Test
    void shouldRefuseWhatTheBalanceCannotPayWith402() {
        Spend.reserve(alice, 101)
                .then()
                .statusCode(402)
                .contentType("application/problem+json")
                .body("remaining", equalTo(100))
                .body("required", equalTo(101))
                .body("status", equalTo(402));
        String id = Spend.reserve(alice, 100).then().statusCode(201).extract().path("id");
        Spend.reserve(alice, 1).then().statusCode(402).body("remaining", equalTo(0));
        Spend.asService()
                .post("/internal/v1/ai/reservations/" + id + "/release")
                .then()
                .statusCode(200)
                .body("status", equalTo("released"));
        Spend.asService()
                .post("/internal/v1/ai/reservations/" + id + "/release")
                .then()
                .statusCode(200); // again: same
        assertEquals(100, remaining(alice));
        problem(Spend.capture(id, 10).then(), 409);
    }

    @Test
    void shouldNeverChargeMoreThanTheMemberHas() {
        String id = Spend.reserve(alice, 10).then().statusCode(201).extract().path("id");
        // The call used far more than estimated: charged what the hold and the rest of the balance cover.
        Spend.capture(id, 5000)
                .then()
                .statusCode(200)
                .body("tokens_used", equalTo(100))
                .body("metadata", Matchers.nullValue());
        assertEquals(0, remaining(alice));
        as(alice).get("/api/v1/ai/usage").then().body("items[0].metadata.capped_from_tokens", equalTo(5000));
    }

    @Test
    void shouldChargeNothingForAFailedCall() {
        String id = Spend.reserve(alice, 30).then().statusCode(201).extract().path("id");
        Spend.asService()
                .body(Map.of(
                        "model_used",
                        "eleven_multilingual_v2",
                        "characters",
                        30,
                        "success",
                        false,
                        "error_message",
                        "provider timed out"))
                .post("/internal/v1/ai/reservations/" + id + "/capture")
                .then()
                .statusCode(200)
                .body("tokens_used", equalTo(0))
                .body("success", equalTo(false));
        assertEquals(100, remaining(alice));
    }

    @Test
    void shouldLetAnUncapturedReservationExpireWithNoTokensLost() {
        // The calling service crashes between reserve and capture (a 1 s hold, so the test need not wait 2 minutes).
        Spend.asService()
                .body(Map.of(
                        "user_id",
                        alice.toString(),
                        "action_type",
                        "audio_generation",
                        "estimated_tokens",
                        70,
                        "hold_seconds",
                        1))
                .post("/internal/v1/ai/reservations")
                .then()
                .statusCode(201);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertEquals(
                        0,
                        RawSql.asSystem("select 1 from token_reservations where status = 'open' and user_id = '" + alice
                                        + "'")
                                .size()));
        assertEquals(100, remaining(alice));
        assertEquals(
                1,
                RawSql.asSystem("select 1 from token_reservations where status = 'expired' and user_id = '" + alice
                                + "'")
                        .size());
    }

    @Test
    void shouldLetExactlyTheAffordableReservationsThroughUnderConcurrency() throws Exception {
        UUID member = UUID.randomUUID();
        assertEquals(100, remaining(member));
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return Spend.reserve(member, 10);
                }));
            }
            start.countDown();
            List<String> reserved = new ArrayList<>();
            int refused = 0;
            for (Future<Response> answer : answers) {
                Response response = answer.get();
                if (response.statusCode() == 201) {
                    reserved.add(response.path("id"));
                } else {
                    assertEquals(402, response.statusCode(), response.asString());
                    refused++;
                }
            }
            assertEquals(10, reserved.size());
            assertEquals(190, refused);
            for (String id : reserved) {
                Spend.capture(id, 10).then().statusCode(200);
            }
        } finally {
            pool.shutdownNow();
        }
        as(member)
                .get("/api/v1/ai/balance")
                .then()
                .body("remaining", equalTo(0))
                .body("used", equalTo(100))
                .body("reserved", equalTo(0));
        // The ledger adds up to the token: granted = consumed + expired + remaining, and consumed = charged usage.
        Map<String, Object> sums = RawSql.asSystem(
                        "select sum(amount) granted, sum(consumed) consumed, sum(remaining) remaining "
                                + "from token_grants where user_id = '" + member + "'")
                .get(0);
        assertEquals(100, ((Number) sums.get("granted")).intValue());
        assertEquals(100, ((Number) sums.get("consumed")).intValue());
        assertEquals(0, ((Number) sums.get("remaining")).intValue());
        assertEquals(
                100,
                ((Number) RawSql.asSystem("select sum(tokens_used) t from token_usage where user_id = '" + member + "'")
                                .get(0)
                                .get("t"))
                        .intValue());
    }

    @Test
    void shouldAnswerOnlyCallersWithAServiceIdentity() {
        Map<String, Object> body =
                Map.of("user_id", alice.toString(), "action_type", "audio_generation", "estimated_tokens", 5);
        given().contentType("application/json")
                .body(body)
                .post("/internal/v1/ai/reservations")
                .then()
                .statusCode(401);
        problem(as(alice).body(body).post("/internal/v1/ai/reservations").then(), 403);
        problem(
                given().auth()
                        .oauth2(TestTokens.forService("journal-service"))
                        .contentType("application/json")
                        .body(body)
                        .post("/internal/v1/ai/reservations")
                        .then(),
                403);
        problem(
                Spend.asService()
                        .post("/internal/v1/ai/reservations/" + UUID.randomUUID() + "/release")
                        .then(),
                404);
    }

    @Test
    void shouldRefuseBadSpendRequests() {
        problem(
                        Spend.asService()
                                .body(Map.of(
                                        "user_id",
                                        alice.toString(),
                                        "action_type",
                                        "mind_reading",
                                        "estimated_tokens",
                                        5))
                                .post("/internal/v1/ai/reservations")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("action_type"));
        problem(Spend.reserve(alice, 0).then(), 400).body("errors[0].field", equalTo("estimated_tokens"));
        problem(
                        Spend.asService()
                                .body(Map.of(
                                        "user_id",
                                        alice.toString(),
                                        "action_type",
                                        "audio_generation",
                                        "estimated_tokens",
                                        5,
                                        "hold_seconds",
                                        3600))
                                .post("/internal/v1/ai/reservations")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("hold_seconds"));
        String id = Spend.reserve(alice, 5).then().statusCode(201).extract().path("id");
        problem(
                        Spend.asService()
                                .body(Map.of("model_used", "hal-9000", "characters", 5))
                                .post("/internal/v1/ai/reservations/" + id + "/capture")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("model_used"));
        problem(
                        Spend.asService()
                                .body(Map.of("model_used", "whisper-1", "audio_seconds", -1, "success", true))
                                .post("/internal/v1/ai/reservations/" + id + "/capture")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("audio_seconds"));
        problem(
                        Spend.asService()
                                .body(Map.of("model_used", "whisper-1", "audio_seconds", 1e12, "success", true))
                                .post("/internal/v1/ai/reservations/" + id + "/capture")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("audio_seconds"));
        assertEquals(95, remaining(alice), "a refused capture leaves the hold in place");
    }

    @Test
    void shouldLetOnlyTheClientThatReservedCaptureOrRelease() {
        String id = Spend.reserve(alice, 10).then().statusCode(201).extract().path("id");
        var otherSpender = given().auth()
                .oauth2(TestTokens.forService("journal-service", "ai-spender"))
                .contentType("application/json");
        problem(
                otherSpender
                        .body(Map.of("model_used", "eleven_multilingual_v2", "characters", 1, "success", true))
                        .post("/internal/v1/ai/reservations/" + id + "/capture")
                        .then(),
                404);
        problem(
                given().auth()
                        .oauth2(TestTokens.forService("journal-service", "ai-spender"))
                        .contentType("application/json")
                        .post("/internal/v1/ai/reservations/" + id + "/release")
                        .then(),
                404);
        assertEquals(90, remaining(alice), "the hold stays for the client that made it");
        Spend.capture(id, 10).then().statusCode(200).body("tokens_used", equalTo(10));
    }

    @Test
    void shouldNeverTurnAnOverflowingReportIntoACredit() {
        String id = Spend.reserve(alice, 10).then().statusCode(201).extract().path("id");
        Spend.asService()
                .body(Map.of(
                        "model_used",
                        "gpt-4o-mini",
                        "input_tokens",
                        Integer.MAX_VALUE,
                        "output_tokens",
                        Integer.MAX_VALUE,
                        "success",
                        true))
                .post("/internal/v1/ai/reservations/" + id + "/capture")
                .then()
                .statusCode(200)
                .body("tokens_used", equalTo(100));
        assertEquals(0, remaining(alice), "charged at most what the member had, never a negative charge");
    }
}
