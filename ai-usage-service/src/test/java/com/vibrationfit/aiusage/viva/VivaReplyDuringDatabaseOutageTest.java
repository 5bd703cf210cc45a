package com.vibrationfit.aiusage.viva;

import static com.vibrationfit.platform.testing.Api.as;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vibrationfit.aiusage.OpenAiStubResource;
import com.vibrationfit.platform.testing.OpenAiProtocolStub.Script;
import com.vibrationfit.platform.testing.OwnPostgres;
import com.vibrationfit.platform.testing.PostgresCluster;
import com.vibrationfit.platform.testing.RawSql;
import com.vibrationfit.platform.testing.StopsPostgres;
import com.vibrationfit.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/**
 * The real PostgreSQL stops while VIVA is streaming a reply and is still down when the reply ends: the reply is
 * stored and charged once PostgreSQL is back (the stream's done event waits for it), never lost, never twice.
 */
@QuarkusTest
@StopsPostgres
@QuarkusTestResource(
        value = OwnPostgres.class,
        restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = OwnPostgres.ROLES, value = "aiusage"))
class VivaReplyDuringDatabaseOutageTest {

    @Test
    void shouldStoreAndChargeTheReplyOnceTheDatabaseIsBack() throws Exception {
        UUID member = UUID.randomUUID();
        given().auth()
                .oauth2(TestTokens.forAdmin(UUID.randomUUID()))
                .contentType("application/json")
                .body(Map.of("user_id", member.toString(), "amount", 5000, "reason", "outage test"))
                .post("/api/v1/admin/ai/grants")
                .then()
                .statusCode(201);
        String thread = as(member)
                .body(Map.of())
                .post("/api/v1/ai/conversations")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        List<String> deltas =
                IntStream.range(0, 10).mapToObj(i -> "piece" + i + " ").toList();
        OpenAiStubResource.stub().reset();
        OpenAiStubResource.stub().next(Script.reply(deltas, 700, 10).slowly(Duration.ofMillis(200)));

        CompletableFuture<String> stream = CompletableFuture.supplyAsync(() -> as(member)
                .accept("text/event-stream")
                .body(Map.of("message", "Keep going even if the database blinks"))
                .post("/api/v1/ai/conversations/" + thread + "/messages")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        Thread.sleep(800); // the turn is stored and held; the reply is streaming
        PostgresCluster.stop();
        try {
            Thread.sleep(4_000); // the reply ends (after ~2 s) while PostgreSQL is down
            assertTrue(!stream.isDone(), "the stream waits for the reply to be stored");
        } finally {
            PostgresCluster.start();
        }
        String body = stream.get(60, TimeUnit.SECONDS);
        assertTrue(body.contains("event:done"), body);
        assertEquals(10, body.split("event:delta").length - 1);

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
        List<Map<String, Object>> reservations = RawSql.asSystem(
                "select status, charged_tokens from token_reservations " + "where user_id = '" + member + "'");
        assertEquals(1, reservations.size());
        assertEquals("captured", reservations.get(0).get("status"));
        assertEquals(710, ((Number) reservations.get(0).get("charged_tokens")).intValue());
        assertEquals(
                1,
                RawSql.asSystem("select 1 from token_usage where user_id = '" + member + "'")
                        .size());
        as(member)
                .get("/api/v1/ai/conversations/" + thread + "/messages")
                .then()
                .statusCode(200)
                .body("items.role", Matchers.contains("user", "assistant"))
                .body("items[1].tokens_used", Matchers.equalTo(710));
        as(member)
                .get("/api/v1/ai/balance")
                .then()
                .body("remaining", Matchers.equalTo(5100 - 710))
                .body("reserved", Matchers.equalTo(0));
    }
}
