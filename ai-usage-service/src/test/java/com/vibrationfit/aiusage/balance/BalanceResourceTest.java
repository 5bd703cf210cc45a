package com.vibrationfit.aiusage.balance;

import static com.vibrationfit.platform.testing.Api.as;
import static com.vibrationfit.platform.testing.Api.problem;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.vibrationfit.aiusage.Spend;
import com.vibrationfit.aiusage.ledger.TokenUsage;
import com.vibrationfit.events.Topics;
import com.vibrationfit.platform.testing.KafkaTopics;
import com.vibrationfit.platform.testing.RawSql;
import com.vibrationfit.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BalanceResourceTest {

    private final UUID alice = UUID.randomUUID();

    @Test
    void shouldStartANewMemberWithTheSeeds100Tokens() {
        as(alice)
                .get("/api/v1/ai/balance")
                .then()
                .statusCode(200)
                .body("user_id", equalTo(alice.toString()))
                .body("remaining", equalTo(100))
                .body("reserved", equalTo(0))
                .body("used", equalTo(0))
                .body("monthly_drip", equalTo(100))
                .body("next_drip_at", notNullValue())
                .body("rollover_cycles", equalTo(0))
                .body("auto_topup_enabled", equalTo(false));
        given().get("/api/v1/ai/balance").then().statusCode(401);
    }

    @Test
    void shouldReadTheBalanceWithoutWaitingForAWriterOfTheAccount() throws Exception {
        as(alice).get("/api/v1/ai/balance").then().statusCode(200); // opens her account
        // A spend, grant or settlement of hers in flight holds her account row for its transaction.
        try (var writer =
                RawSql.holdingAsSystem("select 1 from token_accounts where user_id = '" + alice + "' for update")) {
            var read = CompletableFuture.supplyAsync(() -> as(alice)
                    .get("/api/v1/ai/balance")
                    .then()
                    .statusCode(200)
                    .extract()
                    .<Integer>path("remaining"));
            assertEquals(100, read.get(5, TimeUnit.SECONDS), "answered while the row is locked, not after");
        }
        // Something due (a lot past its expiry) is settled under the lock, as before.
        RawSql.asSystem("update token_grants set expires_at = now() - interval '1 second' where user_id = '" + alice
                + "' and remaining > 0 returning id");
        as(alice)
                .get("/api/v1/ai/balance")
                .then()
                .statusCode(200)
                .body("remaining", equalTo(0))
                .body("expired", equalTo(100));
        assertEquals(
                0,
                RawSql.asSystem("select 1 from token_grants where user_id = '" + alice + "' and remaining > 0")
                        .size(),
                "the expiry was written, not only shown");
    }

    @Test
    void shouldDripEveryCycleRollOverThreeCyclesAndExpireTheRest() {
        as(alice).get("/api/v1/ai/balance").then().body("remaining", equalTo(100));
        // Five months and a day pass: move the account (and its initial grant) back in time.
        RawSql.asSystem("update token_accounts set created_at = created_at - interval '5 months 1 day', "
                + "last_drip_at = last_drip_at - interval '5 months 1 day' where user_id = '" + alice + "'");
        // Cycles 1-5 drip 100 each; the drip of cycle 1 expired when cycle 5 began; 2, 3, 4 rolled over.
        as(alice)
                .get("/api/v1/ai/balance")
                .then()
                .statusCode(200)
                .body("remaining", equalTo(100 + 4 * 100))
                .body("expired", equalTo(100))
                .body("granted", equalTo(600))
                .body("rollover_cycles", equalTo(3))
                .body("expiring", hasSize(4));
        // Spending takes the soonest-expiring drip first, so the oldest drip is used up before it can lapse.
        String id = Spend.reserve(alice, 150).then().statusCode(201).extract().path("id");
        Spend.capture(id, 150).then().statusCode(200);
        Map<String, Object> oldest = RawSql.asSystem("select consumed, remaining from token_grants where user_id = '"
                        + alice + "' and kind = 'drip' and cycle = 2")
                .get(0);
        assertEquals(100, ((Number) oldest.get("consumed")).intValue());
        as(alice)
                .get("/api/v1/ai/balance")
                .then()
                .body("remaining", equalTo(350))
                .body("rollover_cycles", equalTo(2));
    }

    @Test
    void shouldRefuseAutoTopUpWithoutASavedCard() {
        problem(
                        as(alice)
                                .body(Map.of("enabled", true))
                                .put("/api/v1/ai/auto-topup")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("pack_id"));
        problem(
                as(alice)
                        .body(Map.of("enabled", true, "pack_id", "huge"))
                        .put("/api/v1/ai/auto-topup")
                        .then(),
                400);
        problem(
                        as(alice)
                                .body(Map.of("pack_id", "small"))
                                .put("/api/v1/ai/auto-topup")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("enabled"));
        // Auto top-up charges a saved card (BillingFlowTest): without one it would give tokens away.
        problem(
                        as(alice)
                                .body(Map.of("enabled", true, "pack_id", "small"))
                                .put("/api/v1/ai/auto-topup")
                                .then(),
                        409)
                .body("errors[0].field", equalTo("enabled"));
        as(alice)
                .body(Map.of("enabled", false, "pack_id", "small"))
                .put("/api/v1/ai/auto-topup")
                .then()
                .statusCode(200)
                .body("auto_topup_enabled", equalTo(false))
                .body("auto_topup_pack_id", equalTo("small"))
                .body("remaining", equalTo(100));
        String id = Spend.reserve(alice, 90).then().statusCode(201).extract().path("id");
        Spend.capture(id, 90).then().statusCode(200);
        as(alice).get("/api/v1/ai/balance").then().body("remaining", equalTo(10));
        assertEquals(
                0,
                RawSql.asSystem("select 1 from token_purchases where user_id = '" + alice + "'")
                        .size());
    }

    @Test
    void shouldListAndSummariseUsageWithFilters() {
        for (int characters : new int[] {10, 20}) {
            String id = Spend.reserve(alice, characters)
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            Spend.capture(id, characters).then().statusCode(200);
        }
        as(alice)
                .get("/api/v1/ai/usage")
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].tokens_used", equalTo(20));
        as(alice)
                .queryParam("action_type", "chat_conversation")
                .get("/api/v1/ai/usage")
                .then()
                .body("items", hasSize(0));
        as(alice)
                .queryParam("model", "eleven_multilingual_v2")
                .queryParam("limit", 1)
                .get("/api/v1/ai/usage")
                .then()
                .body("items", hasSize(1))
                .body("next_cursor", notNullValue());
        problem(
                        as(alice)
                                .queryParam("action_type", "dreaming")
                                .get("/api/v1/ai/usage")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("action_type"));
        problem(
                        as(alice)
                                .queryParam("from", "2026-13-01")
                                .get("/api/v1/ai/usage")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("from"));
        problem(
                        as(alice)
                                .queryParam("from", "2026-02-01")
                                .queryParam("to", "2026-01-01")
                                .get("/api/v1/ai/usage/summary")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("to"));
        // A summary's per_day holds at most MAX_DAYS days (the bound its schema states).
        problem(
                        as(alice)
                                .queryParam("from", "2025-01-01")
                                .queryParam("to", "2026-01-02")
                                .get("/api/v1/ai/usage/summary")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("to"));
        as(alice)
                .queryParam("from", "2025-01-01")
                .queryParam("to", "2025-01-01")
                .get("/api/v1/ai/usage/summary")
                .then()
                .statusCode(200);
        problem(
                        as(alice)
                                .queryParam("model", "m".repeat(TokenUsage.MODEL_MAX_LENGTH + 1))
                                .get("/api/v1/ai/usage")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("model"));
        as(alice)
                .get("/api/v1/ai/usage/summary")
                .then()
                .statusCode(200)
                .body("total.tokens", equalTo(30))
                .body("total.calls", equalTo(2))
                .body("per_day", hasSize(1))
                .body("per_action[0].key", equalTo("audio_generation"))
                .body("per_model[0].key", equalTo("eleven_multilingual_v2"))
                .body("per_model[0].tokens", equalTo(30));
    }

    /**
     * The summary reads the daily totals a trigger keeps beside the usage rows: they follow rows recorded on other
     * days, a change of a row and its deletion, and a day whose usage is all gone leaves the summary.
     */
    @Test
    void shouldSummariseFromDailyTotalsThatFollowEveryChangeOfTheUsageRows() {
        RawSql.asSystem("insert into token_usage (user_id, action_type, model_used, tokens_used, cost_estimate,"
                + " created_at) values"
                + " ('" + alice + "', 'chat_conversation', 'gpt-4o', 100, 1.5, '2026-03-01T23:59:00Z'),"
                + " ('" + alice + "', 'chat_conversation', 'gpt-4o', 200, 2.5, '2026-03-01T00:00:00Z'),"
                + " ('" + alice + "', 'vision_refinement', 'gpt-4o-mini', 40, 0, '2026-03-02T12:00:00Z')");
        var range = as(alice).queryParam("from", "2026-03-01").queryParam("to", "2026-03-02");
        range.get("/api/v1/ai/usage/summary")
                .then()
                .statusCode(200)
                .body("total.tokens", equalTo(340))
                .body("total.calls", equalTo(3))
                .body("per_day.day", equalTo(List.of("2026-03-01", "2026-03-02")))
                .body("per_day.tokens", equalTo(List.of(300, 40)))
                .body("per_action.key", equalTo(List.of("chat_conversation", "vision_refinement")))
                .body("per_model.tokens", equalTo(List.of(300, 40)));
        RawSql.asSystem(
                "update token_usage set tokens_used = 250 where user_id = '" + alice + "' and tokens_used = 200");
        RawSql.asSystem("delete from token_usage where user_id = '" + alice + "' and model_used = 'gpt-4o-mini'");
        range.get("/api/v1/ai/usage/summary")
                .then()
                .statusCode(200)
                .body("total.tokens", equalTo(350))
                .body("total.calls", equalTo(2))
                .body("per_day.day", equalTo(List.of("2026-03-01")))
                .body("per_action.key", equalTo(List.of("chat_conversation")));
        // Bob's summary of the same days holds none of it.
        as(UUID.randomUUID())
                .queryParam("from", "2026-03-01")
                .queryParam("to", "2026-03-02")
                .get("/api/v1/ai/usage/summary")
                .then()
                .statusCode(200)
                .body("total.calls", equalTo(0))
                .body("per_day", hasSize(0));
        // The member's purge takes the daily totals with the usage rows.
        RawSql.asSystem("delete from token_usage where user_id = '" + alice + "'");
        assertEquals(
                0,
                RawSql.asSystem("select 1 from token_usage_daily where user_id = '" + alice + "'")
                        .size());
    }

    @Test
    void shouldLetOnlyAdminsGrantAndDeduct() {
        UUID admin = UUID.randomUUID();
        Map<String, Object> grant = Map.of("user_id", alice.toString(), "amount", 250, "reason", "support goodwill");
        problem(as(alice).body(grant).post("/api/v1/admin/ai/grants").then(), 403);
        problem(as(alice).get("/api/v1/admin/ai/members/" + alice + "/balance").then(), 403);
        given().auth()
                .oauth2(TestTokens.forAdmin(admin))
                .contentType("application/json")
                .body(grant)
                .post("/api/v1/admin/ai/grants")
                .then()
                .statusCode(201)
                .body("kind", equalTo("admin_grant"))
                .body("balance.remaining", equalTo(350))
                .body("granted_by", equalTo(admin.toString()));
        given().auth()
                .oauth2(TestTokens.forAdmin(admin))
                .contentType("application/json")
                .body(Map.of("user_id", alice.toString(), "amount", -400, "reason", "too much"))
                .post("/api/v1/admin/ai/grants")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("amount"));
        given().auth()
                .oauth2(TestTokens.forAdmin(admin))
                .contentType("application/json")
                .body(Map.of("user_id", alice.toString(), "amount", -50, "reason", "refund reversed"))
                .post("/api/v1/admin/ai/grants")
                .then()
                .statusCode(201)
                .body("balance.remaining", equalTo(300));
        given().auth()
                .oauth2(TestTokens.forAdmin(admin))
                .contentType("application/json")
                .body(Map.of("user_id", alice.toString(), "amount", 0, "reason", " "))
                .post("/api/v1/admin/ai/grants")
                .then()
                .statusCode(400)
                .body("errors.field", equalTo(List.of("amount", "reason")));
        given().auth()
                .oauth2(TestTokens.forAdmin(admin))
                .get("/api/v1/admin/ai/members/" + alice + "/balance")
                .then()
                .statusCode(200)
                .body("remaining", equalTo(300));
        given().auth()
                .oauth2(TestTokens.forAdmin(admin))
                .get("/api/v1/admin/ai/members/" + alice + "/usage")
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
    }

    @Test
    void shouldRecordReportedUsageOnceWithoutChargingAndSkipWhatACaptureRecorded() {
        UUID event = UUID.randomUUID();
        String free = """
                {"user_id":"%s","action_type":"audio_generation","model_used":"espeak:espeak-ng:en-us","tokens_used":120,
                 "input_tokens":120,"output_tokens":0,"cost_estimate":0,"success":true,"error_message":null,
                 "metadata":{"track_id":"t1"},"occurred_at":"2026-12-01T10:00:00Z"}""".formatted(alice);
        KafkaTopics.publish(Topics.AI_USAGE, event, "ai.usage.recorded", alice, free);
        KafkaTopics.publish(Topics.AI_USAGE, event, "ai.usage.recorded", alice, free); // redelivered
        String id = Spend.reserve(alice, 40).then().statusCode(201).extract().path("id");
        Spend.capture(id, 40).then().statusCode(200);
        UUID charged = KafkaTopics.publish(
                Topics.AI_USAGE, UUID.randomUUID(), "ai.usage.recorded", alice, """
                {"user_id":"%s","action_type":"audio_generation","model_used":"eleven_multilingual_v2","tokens_used":40,
                 "input_tokens":40,"output_tokens":0,"cost_estimate":1.2,"success":true,"error_message":null,
                 "metadata":{"reservation_id":"%s"},"occurred_at":"2026-12-01T10:00:00Z"}""".formatted(alice, id));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !RawSql.asSystem("select 1 from processed_events where event_id = '" + charged + "'")
                        .isEmpty());
        assertEquals(
                2,
                RawSql.asSystem("select 1 from token_usage where user_id = '" + alice + "'")
                        .size(),
                "the free narration once, the captured call once");
        as(alice)
                .get("/api/v1/ai/balance")
                .then()
                .body("remaining", equalTo(60))
                .body("used", equalTo(40));
    }

    /** A paid narration's usage event, as media-service commits it with the track: it names and carries the capture. */
    private static String narrationUsage(UUID member, String reservation, int characters) {
        return """
                {"user_id":"%s","action_type":"audio_generation","model_used":"elevenlabs:eleven_multilingual_v2:v1",
                 "tokens_used":%d,"input_tokens":%d,"output_tokens":0,"cost_estimate":1.2,"success":true,
                 "error_message":null,"metadata":{"track_id":"t9","section_key":"fun","reservation_id":"%s",
                 "capture":{"model_used":"eleven_multilingual_v2","characters":%d,"success":true}},
                 "occurred_at":"2026-12-01T10:00:00Z"}""".formatted(member, characters, characters, reservation, characters);
    }

    private static void awaitProcessed(UUID event) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !RawSql.asSystem("select 1 from processed_events where event_id = '" + event + "'")
                        .isEmpty());
    }

    @Test
    void shouldCaptureFromTheUsageEventWhenTheCallersCaptureNeverArrived() {
        // media-service committed the narration, then could not reach this service to capture: the event does it.
        String id = Spend.reserve(alice, 40).then().statusCode(201).extract().path("id");
        UUID event = KafkaTopics.publish(
                Topics.AI_USAGE, UUID.randomUUID(), "ai.usage.recorded", alice, narrationUsage(alice, id, 35));
        awaitProcessed(event);
        as(alice)
                .get("/api/v1/ai/balance")
                .then()
                .body("remaining", equalTo(65))
                .body("used", equalTo(35))
                .body("reserved", equalTo(0));
        as(alice)
                .get("/api/v1/ai/usage")
                .then()
                .body("items", hasSize(1))
                .body("items[0].tokens_used", equalTo(35))
                .body("items[0].metadata.reservation_id", equalTo(id))
                .body("items[0].metadata.track_id", equalTo("t9"))
                .body("items[0].metadata.capture", Matchers.nullValue());
        // The HTTP capture arriving after all (a retry), and the event again (redelivered): charged once.
        Spend.capture(id, 35).then().statusCode(200).body("tokens_used", equalTo(35));
        KafkaTopics.publish(Topics.AI_USAGE, event, "ai.usage.recorded", alice, narrationUsage(alice, id, 35));
        UUID again = KafkaTopics.publish(
                Topics.AI_USAGE, UUID.randomUUID(), "ai.usage.recorded", alice, narrationUsage(alice, id, 35));
        awaitProcessed(again);
        as(alice)
                .get("/api/v1/ai/balance")
                .then()
                .body("remaining", equalTo(65))
                .body("used", equalTo(35));
        assertEquals(
                1,
                RawSql.asSystem("select 1 from token_usage where user_id = '" + alice + "'")
                        .size());
    }

    @Test
    void shouldCaptureATranscriptionFromItsUsageEventByTheSecondsItCarries() {
        // media-service transcribed a recording and could not capture over HTTP: the event's capture has audio_seconds.
        String id = Spend.asService()
                .body(Map.of("user_id", alice.toString(), "action_type", "audio_transcription", "estimated_tokens", 60))
                .post("/internal/v1/ai/reservations")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        UUID event = KafkaTopics.publish(
                Topics.AI_USAGE, UUID.randomUUID(), "ai.usage.recorded", alice, """
                {"user_id":"%s","action_type":"audio_transcription","model_used":"whisper-1","tokens_used":50,
                 "input_tokens":50,"output_tokens":0,"cost_estimate":0.3,"success":true,"error_message":null,
                 "metadata":{"recording_id":"r1","reservation_id":"%s",
                 "capture":{"model_used":"whisper-1","audio_seconds":29.5,"success":true}},
                 "occurred_at":"2026-12-01T10:00:00Z"}""".formatted(alice, id));
        awaitProcessed(event);
        as(alice)
                .get("/api/v1/ai/balance")
                .then()
                .body("remaining", equalTo(50))
                .body("used", equalTo(50)) // 29.5 s at 100 tokens per minute: 49.17, rounded up
                .body("reserved", equalTo(0));
        as(alice)
                .get("/api/v1/ai/usage")
                .then()
                .body("items", hasSize(1))
                .body("items[0].action_type", equalTo("audio_transcription"))
                .body("items[0].tokens_used", equalTo(50))
                .body("items[0].metadata.recording_id", equalTo("r1"));
    }

    @Test
    void shouldChargeAUsageEventWhoseReservationLapsedBeforeItArrivedFromWhatIsAvailable() {
        // The capture's event arrives after the hold lapsed (this service down longer than the hold): the narration
        // was made and kept, so it is charged now, never beyond what the member has.
        String id = Spend.asService()
                .body(Map.of(
                        "user_id",
                        alice.toString(),
                        "action_type",
                        "audio_generation",
                        "estimated_tokens",
                        30,
                        "hold_seconds",
                        1))
                .post("/internal/v1/ai/reservations")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !RawSql.asSystem(
                                "select 1 from token_reservations where id = '" + id + "' and status = 'expired'")
                        .isEmpty());
        assertEquals(100, as(alice).get("/api/v1/ai/balance").then().extract().<Integer>path("remaining"));
        awaitProcessed(KafkaTopics.publish(
                Topics.AI_USAGE, UUID.randomUUID(), "ai.usage.recorded", alice, narrationUsage(alice, id, 30)));
        as(alice)
                .get("/api/v1/ai/balance")
                .then()
                .body("remaining", equalTo(70))
                .body("used", equalTo(30));
        as(alice)
                .get("/api/v1/ai/usage")
                .then()
                .body("items", hasSize(1))
                .body("items[0].tokens_used", equalTo(30))
                .body(
                        "items[0].metadata.captured_late",
                        equalTo("the reservation was expired when its capture arrived"));
        Spend.capture(id, 30).then().statusCode(200).body("tokens_used", equalTo(30)); // captured now: the same usage
        assertEquals(70, as(alice).get("/api/v1/ai/balance").then().extract().<Integer>path("remaining"));
    }

    @Test
    void shouldPurgeADeletedMembersLedger() {
        UUID gina = UUID.randomUUID();
        Spend.capture(Spend.reserve(gina, 10).then().statusCode(201).extract().path("id"), 10)
                .then()
                .statusCode(200);
        Spend.reserve(alice, 5).then().statusCode(201);
        KafkaTopics.publishUserDeleted(gina);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertEquals(
                        0,
                        RawSql.asSystem("select 1 from token_accounts where user_id = '" + gina + "'")
                                .size()));
        for (String table : new String[] {"token_usage", "token_grants", "token_reservations"}) {
            assertEquals(
                    0,
                    RawSql.asSystem("select 1 from " + table + " where user_id = '" + gina + "'")
                            .size(),
                    table);
        }
        assertEquals(
                1,
                RawSql.asSystem("select 1 from token_reservations where user_id = '" + alice + "'")
                        .size());
        as(gina).get("/api/v1/ai/balance").then().statusCode(401);
        // A service spending for her afterwards (an event in flight) re-creates nothing.
        problem(Spend.reserve(gina, 1).then(), 404);
        assertEquals(
                0,
                RawSql.asSystem("select 1 from token_accounts where user_id = '" + gina + "'")
                        .size());
    }

    @Test
    void shouldShowAMemberOnlyTheirOwnLedger() {
        UUID bob = UUID.randomUUID();
        Spend.capture(Spend.reserve(alice, 10).then().statusCode(201).extract().path("id"), 10)
                .then()
                .statusCode(200);
        Spend.capture(Spend.reserve(bob, 10).then().statusCode(201).extract().path("id"), 10)
                .then()
                .statusCode(200);
        for (String table : new String[] {"token_usage", "token_accounts", "token_grants", "token_reservations"}) {
            assertEquals(0, RawSql.withoutContext("select * from " + table).size(), table);
            assertEquals(1, RawSql.asUser(alice, "select * from " + table).size(), table);
        }
        // Members read their own rows; only the system writes.
        RawSql.asUser(alice, "update token_grants set remaining = 1000000, consumed = 0 where amount = 1000000");
        RawSql.asUser(alice, "update token_reservations set charged_tokens = 0");
        IllegalStateException refused = Assertions.assertThrows(
                IllegalStateException.class,
                () -> RawSql.asUser(
                        alice,
                        "insert into token_usage (user_id, action_type, model_used) values ('" + alice
                                + "', 'chat_conversation', 'x')"));
        Assertions.assertTrue(refused.getMessage().contains("42501"), refused.getMessage());
        as(alice)
                .get("/api/v1/ai/balance")
                .then()
                .body("remaining", equalTo(90))
                .body("used", equalTo(10));
    }
}
