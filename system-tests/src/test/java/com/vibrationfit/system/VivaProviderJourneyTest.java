package com.vibrationfit.system;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.vibrationfit.platform.testing.OpenAiProtocolStub;
import com.vibrationfit.platform.testing.OpenAiProtocolStub.Script;
import com.vibrationfit.platform.testing.ServerSentEvents;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * VIVA on a provider: ai-usage-service is restarted against an OpenAI-protocol stub (the real LangChain4j client
 * streams from it), Bob's reply streams through the gateway, and his balance falls by exactly the usage the
 * provider reported. ai-usage-service is restarted on the offline coach afterwards.
 */
@ExtendWith(PlatformUnderTest.class)
class VivaProviderJourneyTest {

    private static final String KEY = "system-test-openai-key";
    private static OpenAiProtocolStub provider;

    @BeforeAll
    static void talkToAProvider() throws Exception {
        provider = OpenAiProtocolStub.start();
        PlatformUnderTest.vf(
                "restart",
                "ai-usage-service",
                "VF_VIVA_PROVIDER_BASE_URL=" + provider.baseUrl(),
                "VF_VIVA_PROVIDER_API_KEY=" + KEY);
    }

    @AfterAll
    static void backToTheOfflineCoach() throws Exception {
        try {
            PlatformUnderTest.vf("restart", "ai-usage-service");
        } finally {
            provider.close();
        }
    }

    private static int remaining() {
        return VivaJourneyTest.as("bob")
                .get("/api/v1/ai/balance")
                .then()
                .statusCode(200)
                .extract()
                .path("remaining");
    }

    @Test
    void bobsBalanceFallsByWhatTheProviderReported() {
        // The hold is an upper bound of what the provider can bill: the prompt's UTF-8 bytes (system prompt with bob's
        // context, history, message) plus the reply's max_tokens, several thousand tokens for this turn.
        if (remaining() < 20_000) {
            RestAssured.given()
                    .auth()
                    .oauth2(Keycloak.token("admin"))
                    .contentType(ContentType.JSON)
                    .body(Map.of("user_id", Keycloak.BOB, "amount", 20_000, "reason", "VIVA system test"))
                    .post("/api/v1/admin/ai/grants")
                    .then()
                    .statusCode(201);
        }
        int before = remaining();
        provider.next(Script.reply(List.of("Picture ", "the ", "morning ", "you ", "want."), 812, 57));
        String thread = VivaJourneyTest.as("bob")
                .body(Map.of("mode", "vision_builder", "category", "travel"))
                .post("/api/v1/ai/conversations")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        ServerSentEvents events = VivaJourneyTest.talk("bob", thread, "Where should I travel next?");

        assertEquals("Picture the morning you want.", VivaJourneyTest.deltas(events));
        JsonNode done = VivaJourneyTest.json(events.last().data());
        assertEquals("done", events.last().name());
        assertFalse(done.path("offline").asBoolean());
        assertEquals(812 + 57, done.path("tokens_used").asInt());
        assertEquals(before - 869, remaining());
        VivaJourneyTest.as("bob").get("/api/v1/ai/balance").then().body("reserved", equalTo(0));
        VivaJourneyTest.as("bob")
                .get("/api/v1/ai/conversations/" + thread + "/messages")
                .then()
                .body("items[1].tokens_used", equalTo(869))
                .body("items[1].model", equalTo("gpt-4o-mini"));
        assertEquals(
                "Bearer " + KEY,
                provider.authorizations().get(provider.authorizations().size() - 1));
        String system =
                provider.lastRequest().path("messages").get(0).path("content").asText();
        assertTrue(system.contains("Mode: vision builder"), system);
    }
}
