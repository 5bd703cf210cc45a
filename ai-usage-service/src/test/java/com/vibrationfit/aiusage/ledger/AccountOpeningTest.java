package com.vibrationfit.aiusage.ledger;

import static com.vibrationfit.platform.testing.Api.as;
import static com.vibrationfit.platform.testing.Api.problem;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.vibrationfit.aiusage.Spend;
import com.vibrationfit.platform.testing.KafkaTopics;
import com.vibrationfit.platform.testing.RawSql;
import com.vibrationfit.platform.testing.SlowInserts;
import com.vibrationfit.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** When a token account may come into being: never for a deleted member, never by someone else's read. */
@QuarkusTest
class AccountOpeningTest {

    private final UUID admin = UUID.randomUUID();

    @Test
    void shouldNotReopenAnAccountWhoseFirstReadWasInFlightWhenTheMemberWasDeleted() throws Exception {
        UUID kim = UUID.randomUUID();
        CompletableFuture<Integer> read;
        try (SlowInserts slow = SlowInserts.into("token_accounts", Duration.ofSeconds(3))) {
            // Her first balance read has passed its deleted-member check and opens her account, slowly ...
            read = CompletableFuture.supplyAsync(
                    () -> as(kim).get("/api/v1/ai/balance").then().extract().statusCode());
            await().atMost(Duration.ofSeconds(10)).until(() -> SlowInserts.sleepers() > 0);
            // ... when her account is deleted.
            KafkaTopics.publishUserDeleted(kim);
            read.get(20, TimeUnit.SECONDS);
        }
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertEquals(
                        1,
                        RawSql.asSystem("select 1 from deleted_users where user_id = '" + kim + "'")
                                .size()));
        Thread.sleep(500);
        assertEquals(
                0,
                RawSql.asSystem("select 1 from token_accounts where user_id = '" + kim + "'")
                        .size(),
                "a deleted member's account was opened again, with fresh tokens");
        assertEquals(
                0,
                RawSql.asSystem("select 1 from token_grants where user_id = '" + kim + "'")
                        .size());
        // And nothing opens it later: neither a service spending for her nor an admin.
        problem(Spend.reserve(kim, 10).then(), 404);
        assertEquals(
                0,
                RawSql.asSystem("select 1 from token_accounts where user_id = '" + kim + "'")
                        .size());
    }

    @Test
    void shouldAnswerAnAdminsReadOfAMemberWithoutAnAccountWith404AndOpenNone() {
        UUID nobody = UUID.randomUUID();
        problem(
                given().auth()
                        .oauth2(TestTokens.forAdmin(admin))
                        .get("/api/v1/admin/ai/members/" + nobody + "/balance")
                        .then(),
                404);
        assertEquals(
                0,
                RawSql.asSystem("select 1 from token_accounts where user_id = '" + nobody + "'")
                        .size());
    }

    @Test
    void shouldRefuseGrantsThatWouldOverflowWith400NamingTheAmount() {
        UUID lee = UUID.randomUUID();
        as(lee).get("/api/v1/ai/balance").then().statusCode(200);
        for (int amount : new int[] {Integer.MAX_VALUE, Integer.MIN_VALUE, GrantService.MAX_ADJUSTMENT + 1}) {
            problem(
                            given().auth()
                                    .oauth2(TestTokens.forAdmin(admin))
                                    .contentType("application/json")
                                    .body(Map.of("user_id", lee.toString(), "amount", amount, "reason", "overflow?"))
                                    .post("/api/v1/admin/ai/grants")
                                    .then(),
                            400)
                    .body("errors[0].field", equalTo("amount"));
        }
        as(lee).get("/api/v1/ai/balance").then().body("remaining", equalTo(100));
    }
}
