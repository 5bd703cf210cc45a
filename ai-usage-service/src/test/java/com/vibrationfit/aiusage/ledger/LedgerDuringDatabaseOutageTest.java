package com.vibrationfit.aiusage.ledger;

import static com.vibrationfit.platform.testing.Api.as;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vibrationfit.aiusage.Spend;
import com.vibrationfit.platform.testing.OwnPostgres;
import com.vibrationfit.platform.testing.PostgresCluster;
import com.vibrationfit.platform.testing.RawSql;
import com.vibrationfit.platform.testing.StopsPostgres;
import com.vibrationfit.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/**
 * The real PostgreSQL stops while services reserve and capture a member's tokens. Every call answers a clear
 * 201/200, 402 or 503 (never a 500), and once the database is back the ledger holds exactly what was answered
 * 201: no reservation lost or doubled, grants = consumed + remaining, and the balance adds up to the token.
 */
@QuarkusTest
@StopsPostgres
@QuarkusTestResource(
        value = OwnPostgres.class,
        restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = OwnPostgres.ROLES, value = "aiusage"))
class LedgerDuringDatabaseOutageTest {

    @Test
    void shouldKeepTheLedgerExactThroughAnOutage() throws Exception {
        UUID member = UUID.randomUUID();
        assertEquals(100, (int) as(member)
                .get("/api/v1/ai/balance")
                .then()
                .statusCode(200)
                .extract()
                .path("remaining"));
        int granted = 100 + 100_000; // enough that the outage, not the balance, is what refuses calls
        given().auth()
                .oauth2(TestTokens.forAdmin(UUID.randomUUID()))
                .contentType("application/json")
                .body(Map.of("user_id", member.toString(), "amount", 100_000, "reason", "outage test"))
                .post("/api/v1/admin/ai/grants")
                .then()
                .statusCode(201);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<List<String>>> workers = new ArrayList<>();
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        try {
            for (int w = 0; w < 8; w++) {
                workers.add(pool.submit(() -> {
                    List<String> captured = new ArrayList<>();
                    long end = System.nanoTime() + Duration.ofSeconds(12).toNanos();
                    while (System.nanoTime() < end) {
                        var reserved = Spend.reserve(member, 1);
                        statuses.add(reserved.statusCode());
                        if (reserved.statusCode() == 201) {
                            String id = reserved.path("id");
                            int capture;
                            do { // a capture refused by the outage is sent again, as a caller would
                                capture = Spend.capture(id, 1).statusCode();
                                statuses.add(capture);
                                if (capture == 503) {
                                    Thread.sleep(200);
                                }
                            } while (capture == 503);
                            assertEquals(200, capture);
                            captured.add(id);
                        }
                        Thread.sleep(20);
                    }
                    return captured;
                }));
            }
            Thread.sleep(2_000);
            PostgresCluster.stop();
            try {
                Thread.sleep(5_000);
            } finally {
                PostgresCluster.start();
            }
            List<String> captured = new ArrayList<>();
            for (Future<List<String>> worker : workers) {
                captured.addAll(worker.get());
            }
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
            assertTrue(
                    Set.of(200, 201, 402, 503).containsAll(Set.copyOf(statuses)),
                    "only clear answers: " + Set.copyOf(statuses));
            assertTrue(statuses.contains(503), "the outage was seen");

            // Every reservation answered 201 is there, captured once for one token; any other row (a commit whose
            // answer the outage swallowed) was never captured and only holds tokens until it expires.
            List<Map<String, Object>> rows = RawSql.asSystem(
                    "select id, status, charged_tokens from token_reservations " + "where user_id = '" + member + "'");
            List<String> capturedRows = rows.stream()
                    .filter(r -> "captured".equals(r.get("status")))
                    .map(r -> r.get("id").toString())
                    .toList();
            assertEquals(Set.copyOf(captured), Set.copyOf(capturedRows));
            assertEquals(captured.size(), capturedRows.size(), "no capture doubled");
            assertTrue(rows.stream()
                    .filter(r -> "captured".equals(r.get("status")))
                    .allMatch(r -> ((Number) r.get("charged_tokens")).intValue() == 1));
            assertEquals(
                    captured.size(),
                    RawSql.asSystem("select 1 from token_usage where user_id = '" + member + "'")
                            .size());
            int open = RawSql.asSystem(
                            "select 1 from token_reservations where status = 'open' and user_id = '" + member + "'")
                    .size();
            Map<String, Object> lots = RawSql.asSystem("select sum(amount) a, sum(consumed) c, sum(remaining) r "
                            + "from token_grants where user_id = '" + member + "'")
                    .get(0);
            assertEquals(granted, ((Number) lots.get("a")).intValue());
            assertEquals(captured.size(), ((Number) lots.get("c")).intValue());
            assertEquals(granted - captured.size(), ((Number) lots.get("r")).intValue());
            as(member)
                    .get("/api/v1/ai/balance")
                    .then()
                    .statusCode(200)
                    .body("remaining", Matchers.equalTo(granted - captured.size() - open))
                    .body("used", Matchers.equalTo(captured.size()));
        } finally {
            pool.shutdownNow();
        }
    }
}
