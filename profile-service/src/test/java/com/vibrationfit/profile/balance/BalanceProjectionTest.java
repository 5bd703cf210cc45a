package com.vibrationfit.profile.balance;

import static com.vibrationfit.platform.testing.Api.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.vibrationfit.events.Topics;
import com.vibrationfit.platform.testing.KafkaTopics;
import com.vibrationfit.platform.testing.RawSql;
import com.vibrationfit.profile.Profiles;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** ai.balance.changed keeps the user_profiles token columns of every version current; older announcements change nothing. */
@QuarkusTest
class BalanceProjectionTest {

    private final UUID alice = UUID.randomUUID();

    private void announce(int remaining, int used, String cents, String changedAt) {
        UUID event =
                KafkaTopics.publish(Topics.AI_BALANCES, UUID.randomUUID(), "ai.balance.changed", alice, """
                {"user_id":"%s","tokens_remaining":%d,"tokens_reserved":0,"tokens_used":%d,"total_cost_cents":%s,
                 "rollover_cycles":1,"last_drip_at":"2026-11-01T00:00:00Z","auto_topup_enabled":true,
                 "auto_topup_pack_id":"small","reason":"captured","changed_at":"%s"}""".formatted(
                                alice, remaining, used, cents, changedAt));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !RawSql.asSystem("select 1 from processed_events where event_id = '" + event + "'")
                        .isEmpty());
    }

    @Test
    void shouldProjectTheLedgerOntoTheTokenColumns() {
        announce(70, 30, "123.4567", "2026-12-01T10:00:00Z"); // before any profile exists
        String v1 = Profiles.create(alice, Map.of("first_name", "Alice"));
        as(alice)
                .get("/api/v1/profiles/me")
                .then()
                .body("vibe_assistant_tokens_remaining", equalTo(70))
                .body("vibe_assistant_tokens_used", equalTo(30))
                .body("vibe_assistant_total_cost", equalTo(1.23f)) // dollars; the ledger counts cents
                .body("token_rollover_cycles", equalTo(1))
                .body("auto_topup_enabled", equalTo(true))
                .body("auto_topup_pack_id", equalTo("small"));
        String draft = Profiles.draft(alice);

        announce(40, 60, "200", "2026-12-01T11:00:00Z");
        as(alice).get("/api/v1/profiles/" + v1).then().body("vibe_assistant_tokens_remaining", equalTo(40));
        as(alice)
                .get("/api/v1/profiles/" + draft)
                .then()
                .body("vibe_assistant_tokens_remaining", equalTo(40))
                .body("vibe_assistant_total_cost", equalTo(2.0f));

        announce(99, 1, "1", "2026-12-01T09:00:00Z"); // older than what is kept: ignored
        as(alice).get("/api/v1/profiles/me").then().body("vibe_assistant_tokens_remaining", equalTo(40));
    }
}
