package com.vibrationfit.aiusage.viva;

import static com.vibrationfit.platform.testing.Api.as;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.vibrationfit.platform.security.SystemContext;
import com.vibrationfit.platform.testing.RawSql;
import com.vibrationfit.platform.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/**
 * A reply's store committed, but the answer to the commit was lost (the connection dropped while committing), so
 * the settling guard runs the store again for the same turn: the second run must find the stored reply and change
 * nothing, not store a second reply or capture the hold twice.
 */
@QuarkusTest
class ReplayedReplyStoreTest {

    @Inject
    Coach coach;

    @Test
    void shouldStoreAndChargeAReplyOnceWhenItsStoreRunsAgainForTheSameTurn() {
        UUID member = UUID.randomUUID();
        given().auth()
                .oauth2(TestTokens.forAdmin(UUID.randomUUID()))
                .contentType("application/json")
                .body(Map.of("user_id", member.toString(), "amount", 5000, "reason", "replay test"))
                .post("/api/v1/admin/ai/grants")
                .then()
                .statusCode(201);
        UUID thread = UUID.fromString(as(member)
                .body(Map.of())
                .post("/api/v1/ai/conversations")
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
        CoachTurn turn = SystemContext.call(
                "test",
                () -> QuarkusTransaction.requiringNew()
                        .call(() -> coach.begin(member, thread, new NewMessage("Is this stored once?"))));

        CoachReply first = coach.settle(turn, "Once, and only once.", 700, 10);
        CoachReply replayed = coach.settle(turn, "Once, and only once.", 700, 10);

        assertNotNull(first.reply());
        assertEquals(turn.replyId(), first.reply().id());
        assertEquals(first.reply().id(), replayed.reply().id());
        assertEquals(710, replayed.tokensUsed());
        assertEquals(
                1,
                RawSql.asSystem("select 1 from ai_conversations where conversation_id = '" + thread
                                + "' and role = 'assistant'")
                        .size());
        assertEquals(
                1,
                RawSql.asSystem("select 1 from token_usage where user_id = '" + member + "'")
                        .size());
        List<Map<String, Object>> holds = RawSql.asSystem(
                "select status, charged_tokens from token_reservations " + "where user_id = '" + member + "'");
        assertEquals(1, holds.size());
        assertEquals("captured", holds.get(0).get("status"));
        assertEquals(710, ((Number) holds.get(0).get("charged_tokens")).intValue());
        as(member)
                .get("/api/v1/ai/balance")
                .then()
                .statusCode(200)
                .body("remaining", Matchers.equalTo(5100 - 710))
                .body("reserved", Matchers.equalTo(0));
    }
}
