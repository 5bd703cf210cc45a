package com.vibrationfit.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vibrationfit.platform.testing.ServerSentEvents;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Alice talks to VIVA through the gateway on the platform as {@code ./vf up} runs it: no provider is configured, so
 * the offline coach answers, streamed, from her own vision (which reached ai-usage-service as vision events), and
 * her balance does not move.
 */
@ExtendWith(PlatformUnderTest.class)
class VivaJourneyTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static RequestSpecification as(String user) {
        return given().auth().oauth2(Keycloak.token(user)).contentType(ContentType.JSON);
    }

    static JsonNode json(String data) {
        try {
            return JSON.readTree(data);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Streams a reply through the gateway and returns its events. */
    static ServerSentEvents talk(String user, String thread, String message) {
        String body = as(user).accept("text/event-stream")
                .body(Map.of("message", message))
                .post("/api/v1/ai/conversations/" + thread + "/messages")
                .then()
                .statusCode(200)
                .contentType(Matchers.startsWith("text/event-stream"))
                .extract()
                .asString();
        return ServerSentEvents.parse(body);
    }

    static String deltas(ServerSentEvents events) {
        StringBuilder text = new StringBuilder();
        events.named("delta")
                .forEach(e -> text.append(json(e.data()).path("text").asText()));
        return text.toString();
    }

    @Test
    void theOfflineCoachAnswersFromAlicesOwnVisionForFree() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String sentence = "I run by the river at dawn, run " + run + ".";
        String vision = as("alice")
                .body(Map.of("title", "VIVA journey " + run))
                .post("/api/v1/visions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as("alice")
                .body(Map.of("health", sentence + " My body is strong."))
                .patch("/api/v1/visions/" + vision)
                .then()
                .statusCode(200);
        String thread = as("alice")
                .body(Map.of("mode", "refinement", "category", "health", "vision_id", vision))
                .post("/api/v1/ai/conversations")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Map<String, Object> before = as("alice")
                .get("/api/v1/ai/balance")
                .then()
                .statusCode(200)
                .extract()
                .as(Map.class);

        // The vision reaches VIVA as events: within seconds the coach quotes it.
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> as("alice")
                        .accept("application/json")
                        .body(Map.of("message", "Is my health section any good?"))
                        .post("/api/v1/ai/conversations/" + thread + "/messages")
                        .then()
                        .statusCode(201)
                        .extract()
                        .<String>path("reply.message")
                        .contains(sentence));

        ServerSentEvents events = talk("alice", thread, "Help me sharpen my health section");
        assertEquals("started", events.names().get(0));
        assertEquals("done", events.last().name());
        assertTrue(events.named("delta").size() > 10, "streamed in pieces");
        JsonNode done = json(events.last().data());
        assertTrue(done.path("offline").asBoolean());
        assertEquals(0, done.path("tokens_used").asInt());
        assertEquals("offline-coach", done.path("model").asText());
        String reply = deltas(events);
        assertTrue(reply.contains("For Health & Vitality you wrote: \u201c" + sentence + "\u201d"), reply);
        assertTrue(reply.contains("Which sentence about Health & Vitality does not feel true yet"), reply);

        as("alice")
                .get("/api/v1/ai/conversations/" + thread + "/messages?limit=100")
                .then()
                .statusCode(200)
                .body("items[-1].message", equalTo(reply))
                .body("items[-1].context.coach", equalTo("offline"))
                .body("items[-1].context.grounding.vision_id", equalTo(vision));
        as("alice")
                .get("/api/v1/ai/balance")
                .then()
                .body("remaining", equalTo(before.get("remaining")))
                .body("used", equalTo(before.get("used")));
        as("alice")
                .queryParam("model", "offline-coach")
                .queryParam("limit", 1)
                .get("/api/v1/ai/usage")
                .then()
                .body("items[0].tokens_used", equalTo(0))
                .body("items[0].action_type", equalTo("chat_conversation"));

        as("bob").get("/api/v1/ai/conversations/" + thread + "/messages").then().statusCode(404);
        as("bob")
                .accept("text/event-stream")
                .body(Map.of("message", "hi"))
                .post("/api/v1/ai/conversations/" + thread + "/messages")
                .then()
                .statusCode(404);
    }

    @Test
    void vivaRefinesASectionThatAliceAcceptsIntoHerDraft() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String vision = as("alice")
                .body(Map.of("title", "VIVA writes " + run))
                .post("/api/v1/visions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as("alice")
                .body(Map.of("travel", "I travel twice a year, run " + run + "."))
                .patch("/api/v1/visions/" + vision)
                .then()
                .statusCode(200);
        String thread = as("alice")
                .body(Map.of("mode", "refinement", "category", "travel", "vision_id", vision))
                .post("/api/v1/ai/conversations")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        talk("alice", thread, "I want to see Japan in spring.");

        // Once the draft's text has reached VIVA (vision events), a proposal refines it: her text, then her wish.
        // Asked before, VIVA would refine the text it knew, and each proposal's instruction is a turn of the
        // thread, which the next proposal would read as one more wish: wait for the text first.
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> ServiceDatabases.vivaKnowsSectionText(
                        vision, "travel", "I travel twice a year, run " + run + "."));
        String[] text = new String[1];
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    JsonNode proposal = json(as("alice")
                            .body(Map.of("section", "travel"))
                            .post("/api/v1/ai/conversations/" + thread + "/proposals")
                            .then()
                            .statusCode(201)
                            .extract()
                            .asString());
                    assertEquals(
                            "vision_refinement", proposal.path("action_type").asText(), proposal.toString());
                    text[0] = proposal.path("text").asText();
                    assertEquals("I travel twice a year, run " + run + ". I see Japan in spring.", text[0]);
                });
        // Proposed, not written: the draft still holds her own text.
        as("alice")
                .get("/api/v1/visions/" + vision)
                .then()
                .body("travel", equalTo("I travel twice a year, run " + run + "."));
        as("alice")
                .queryParam("action_type", "vision_refinement")
                .queryParam("limit", 5)
                .get("/api/v1/ai/usage")
                .then()
                .statusCode(200)
                .body("items[0].model_used", equalTo("offline-coach"))
                .body("items[0].tokens_used", equalTo(0));

        // She accepts it: the web app writes it into her draft.
        as("alice")
                .body(Map.of("travel", text[0]))
                .patch("/api/v1/visions/" + vision)
                .then()
                .statusCode(200)
                .body("travel", equalTo(text[0]));
    }
}
