package com.vibrationfit.gateway.edge;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vibrationfit.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A small bucket (5 requests, 1 per second) in its own boot, so the main tests are not throttled. */
@QuarkusTest
@TestProfile(RateLimitTest.SmallBucket.class)
class RateLimitTest {

    public static class SmallBucket implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("vf.gateway.rate-limit.capacity", "5", "vf.gateway.rate-limit.refill-per-second", "1");
        }
    }

    @Test
    void shouldThrottleAMemberWith429AndRetryAfterButNotOthers() {
        String alice = TestTokens.forUser(UUID.randomUUID());
        int throttled = 0;
        for (int i = 0; i < 8; i++) {
            int status =
                    given().auth().oauth2(alice).get("/api/v1/visions/limited").statusCode();
            if (status == 429) {
                throttled++;
            }
        }
        assertTrue(throttled >= 2, "throttled " + throttled);
        given().auth()
                .oauth2(alice)
                .get("/api/v1/visions/limited")
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .header("RateLimit-Limit", "5")
                .header("RateLimit-Remaining", "0")
                .header("RateLimit-Reset", notNullValue());
        given().auth()
                .oauth2(TestTokens.forUser(UUID.randomUUID()))
                .get("/api/v1/visions/limited")
                .then()
                .statusCode(200)
                .header("RateLimit-Limit", "5")
                .header("RateLimit-Remaining", "4")
                .header("RateLimit-Reset", "1");
    }
}
