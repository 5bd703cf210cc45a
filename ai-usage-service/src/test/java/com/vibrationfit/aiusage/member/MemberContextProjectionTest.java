package com.vibrationfit.aiusage.member;

import static com.vibrationfit.platform.testing.Api.as;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.vibrationfit.aiusage.OpenAiStubResource;
import com.vibrationfit.events.EventType;
import com.vibrationfit.events.Topics;
import com.vibrationfit.platform.testing.KafkaTopics;
import com.vibrationfit.platform.testing.OpenAiProtocolStub;
import com.vibrationfit.platform.testing.OpenAiProtocolStub.Script;
import com.vibrationfit.platform.testing.RawSql;
import com.vibrationfit.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** VIVA's member context comes from other services' events, and each reply's prompt is built from it. */
@QuarkusTest
class MemberContextProjectionTest {

    private final UUID carol = UUID.randomUUID();

    private static String sections(String health) {
        return """
                [{"key":"forward","content_hash":"a","text":"I live fully.","changed":true},
                 {"key":"health","content_hash":"b","text":"%s","changed":true},
                 {"key":"money","content_hash":"c","text":"Money flows to me with ease.","changed":false}]""".formatted(health);
    }

    private void publishVision(String type, UUID vision, int version, String status, String health) {
        KafkaTopics.publish(Topics.VISION, UUID.randomUUID(), type, carol, """
                {"vision_id":"%s","user_id":"%s","version_number":%d,"status":"%s","title":"Carol's vision","sections":%s}""".formatted(
                        vision, carol, version, status, sections(health)));
    }

    private String askedSystemPrompt(String thread) {
        OpenAiProtocolStub stub = OpenAiStubResource.stub();
        stub.reset();
        stub.next(Script.reply(List.of("Noted."), 500, 2));
        as(carol)
                .accept("application/json")
                .body(Map.of("message", "How am I doing?"))
                .post("/api/v1/ai/conversations/" + thread + "/messages")
                .then()
                .statusCode(201);
        JsonNode request = stub.lastRequest();
        return request.path("messages").get(0).path("content").asText();
    }

    @Test
    void shouldGroundRepliesInTheProfileVisionAndAssessmentTheirServicesAnnounced() {
        given5000Tokens();
        UUID profile = UUID.randomUUID();
        KafkaTopics.publish(
                Topics.PROFILE, UUID.randomUUID(), EventType.PROFILE_VERSION_COMMITTED, carol, """
                {"profile_id":"%s","user_id":"%s","version_number":2,"previous_active_id":null,"reason":"commit",
                 "relationship_status":"Single","in_relationship":false,"has_children":false,"number_of_children":null,
                 "employment_type":"Employee","completion_percentage":40,
                 "profile":{"first_name":"Carol","last_name":"Secret","email":"carol@example.com","occupation":"Nurse"}}""".formatted(
                                profile, carol));
        UUID draft = UUID.randomUUID();
        UUID complete = UUID.randomUUID();
        publishVision(EventType.VISION_CREATED, complete, 1, "draft", "I feel strong.");
        publishVision(EventType.VISION_COMPLETED, complete, 1, "complete", "I feel strong and rested.");
        publishVision(EventType.VISION_CREATED, draft, 2, "draft", "A newer draft about health.");
        UUID assessment = UUID.randomUUID();
        KafkaTopics.publish(Topics.ASSESSMENT, UUID.randomUUID(), EventType.ASSESSMENT_COMPLETED, carol, """
                {"assessment_id":"%s","user_id":"%s","profile_version_id":"%s","assessment_version":1,"total_score":500,
                 "overall_percentage":59,"category_scores":{"health":21,"money":50},
                 "green_line_status":{"health":"below","money":"above"},
                 "insights":[{"category":"health","insight_type":"growth_area","title":"Rest is the lever",
                   "description":"...","confidence_score":0.8,"supporting_responses":[]}],
                 "completed_at":"2026-12-01T10:00:00Z"}""".formatted(
                        assessment, carol, profile));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> RawSql.asSystem("select 1 from member_profiles where user_id = '" + carol
                                        + "' union all select 1 from member_assessments "
                                        + "where user_id = '" + carol
                                        + "' union all select 1 from member_visions where user_id = '" + carol
                                        + "' and vision_id = '" + draft + "'")
                                .size()
                        == 3);

        String thread = as(carol)
                .body(Map.of("mode", "coach", "category", "health"))
                .post("/api/v1/ai/conversations")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String system = askedSystemPrompt(thread);
        assertTrue(system.contains("first name: Carol"), system);
        assertTrue(system.contains("occupation: Nurse"), system);
        assertFalse(system.contains("Secret"), system);
        assertFalse(system.contains("carol@example.com"), system);
        // The newest complete vision wins over a newer draft.
        assertTrue(system.contains("health (this conversation's area): I feel strong and rested."), system);
        assertTrue(system.contains("health below (21/70)"), system);
        assertTrue(system.contains("Rest is the lever"), system);
        JsonNode reply = as(carol)
                .get("/api/v1/ai/conversations/" + thread + "/messages")
                .then()
                .extract()
                .jsonPath()
                .getObject("items[1].context.grounding", JsonNode.class);
        assertEquals(complete.toString(), reply.path("vision_id").asText());
        assertEquals(assessment.toString(), reply.path("assessment_id").asText());

        // A thread about the draft grounds in the draft; deletions take their data out of the context.
        String draftThread = as(carol)
                .body(Map.of("category", "health", "vision_id", draft.toString()))
                .post("/api/v1/ai/conversations")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assertTrue(askedSystemPrompt(draftThread).contains("A newer draft about health."));
        KafkaTopics.publish(
                Topics.ASSESSMENT,
                UUID.randomUUID(),
                EventType.ASSESSMENT_DELETED,
                carol,
                "{\"assessment_id\":\"%s\",\"user_id\":\"%s\"}".formatted(assessment, carol));
        KafkaTopics.publish(
                Topics.VISION,
                UUID.randomUUID(),
                EventType.VISION_DELETED,
                carol,
                "{\"vision_id\":\"%s\",\"user_id\":\"%s\",\"version_number\":2}".formatted(draft, carol));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> RawSql.asSystem("select 1 from member_assessments where user_id = '" + carol
                                + "' union all select 1 from member_visions where vision_id = '" + draft + "'")
                        .isEmpty());
        String after = askedSystemPrompt(draftThread);
        assertFalse(after.contains("Green Line per area"), after);
        assertTrue(after.contains("I feel strong and rested."), after);

        KafkaTopics.publishUserDeleted(carol);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> RawSql.asSystem("select 1 from member_profiles where user_id = '" + carol
                                + "' union all select 1 from member_visions where user_id = '" + carol + "'")
                        .isEmpty());
    }

    @Test
    void shouldGroundRepliesInTheVersionActivatedLast() {
        given5000Tokens();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        publishVision(EventType.VISION_COMPLETED, first, 1, "complete", "The first version about health.");
        publishVision(EventType.VISION_COMPLETED, second, 2, "complete", "The second version about health.");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> RawSql.asSystem("select 1 from member_visions where user_id = '" + carol
                                        + "' and activated_at is not null")
                                .size()
                        == 2);
        String thread = as(carol)
                .body(Map.of("mode", "coach", "category", "health"))
                .post("/api/v1/ai/conversations")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assertTrue(askedSystemPrompt(thread).contains("The second version about health."));

        // The member brings the first version back: VIVA follows, as vision-service's /visions/active does.
        KafkaTopics.publish(
                Topics.VISION,
                UUID.randomUUID(),
                EventType.VISION_ACTIVATED,
                carol,
                "{\"vision_id\":\"%s\",\"user_id\":\"%s\",\"version_number\":1}".formatted(first, carol));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> RawSql.asSystem("select 1 from member_visions where vision_id = '" + first
                                        + "' and activated_at > (select activated_at from member_visions where vision_id = '"
                                        + second + "')")
                                .size()
                        == 1);
        String after = askedSystemPrompt(thread);
        assertTrue(after.contains("The first version about health."), after);
        assertFalse(after.contains("The second version about health."), after);
    }

    private void given5000Tokens() {
        RestAssured.given()
                .auth()
                .oauth2(TestTokens.forAdmin(UUID.randomUUID()))
                .contentType("application/json")
                .body(Map.of("user_id", carol.toString(), "amount", 5000, "reason", "test"))
                .post("/api/v1/admin/ai/grants")
                .then()
                .statusCode(201);
    }

    @Test
    void shouldIgnoreAnEventReplayedAfterTheVisionWasDeleted() {
        UUID vision = UUID.randomUUID();
        publishVision(EventType.VISION_COMPLETED, vision, 1, "complete", "I swim every morning.");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !RawSql.asSystem("select 1 from member_visions where vision_id = '" + vision + "'")
                        .isEmpty());
        KafkaTopics.publish(
                Topics.VISION,
                UUID.randomUUID(),
                EventType.VISION_DELETED,
                carol,
                "{\"vision_id\":\"%s\",\"user_id\":\"%s\",\"version_number\":1}".formatted(vision, carol));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> RawSql.asSystem("select 1 from member_visions where vision_id = '" + vision + "'")
                        .isEmpty());
        UUID replayed = UUID.randomUUID();
        KafkaTopics.publish(Topics.VISION, replayed, EventType.VISION_UPDATED, carol, """
                {"vision_id":"%s","user_id":"%s","version_number":1,"status":"complete","title":"Carol's vision","sections":%s}""".formatted(
                        vision, carol, sections("A replayed text.")));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !RawSql.asSystem("select 1 from processed_events where event_id = '" + replayed + "'")
                        .isEmpty());
        assertEquals(
                0,
                RawSql.asSystem("select 1 from member_visions where vision_id = '" + vision + "'")
                        .size());
    }

    @Test
    void shouldIgnoreOldEventsReplayedAfterNewerOnes() {
        UUID vision = UUID.randomUUID();
        publishVision(EventType.VISION_COMPLETED, vision, 1, "complete", "Today I run ten kilometres.");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !RawSql.asSystem("select 1 from member_visions where vision_id = '" + vision + "'")
                        .isEmpty());
        UUID replayed = KafkaTopics.publish(
                Topics.VISION,
                UUID.randomUUID(),
                EventType.VISION_UPDATED,
                carol,
                """
                {"vision_id":"%s","user_id":"%s","version_number":1,"status":"draft","title":"Carol's vision","sections":%s}""".formatted(vision, carol, sections("An old draft.")),
                Instant.now().minusSeconds(60));

        UUID profile = UUID.randomUUID();
        String profileEvent = """
                {"profile_id":"%s","user_id":"%s","version_number":%d,"previous_active_id":null,"reason":"commit","has_children":false,"completion_percentage":40,
                 "profile":{"first_name":"Carol","occupation":"%s"}}""";
        KafkaTopics.publish(
                Topics.PROFILE,
                UUID.randomUUID(),
                EventType.PROFILE_VERSION_COMMITTED,
                carol,
                profileEvent.formatted(profile, carol, 3, "Surgeon"));
        UUID oldProfile = KafkaTopics.publish(
                Topics.PROFILE,
                UUID.randomUUID(),
                EventType.PROFILE_VERSION_COMMITTED,
                carol,
                profileEvent.formatted(profile, carol, 2, "Student"));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> RawSql.asSystem("select 1 from processed_events where event_id in ('" + replayed + "', '"
                                        + oldProfile + "')")
                                .size()
                        == 2);
        var row = RawSql.asSystem("select status, cast(sections as text) s from member_visions where vision_id = '"
                        + vision + "'")
                .get(0);
        assertEquals("complete", row.get("status"));
        assertTrue(row.get("s").toString().contains("ten kilometres"), row.toString());
        var held = RawSql.asSystem(
                        "select version_number, cast(profile as text) p from member_profiles where user_id = '" + carol
                                + "'")
                .get(0);
        assertEquals(3, ((Number) held.get("version_number")).intValue());
        assertTrue(held.get("p").toString().contains("Surgeon"), held.toString());
    }
}
