package com.vibrationfit.assessment.events;

import static com.vibrationfit.platform.testing.Api.as;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vibrationfit.assessment.Assessments;
import com.vibrationfit.events.Topics;
import com.vibrationfit.platform.testing.KafkaTopics;
import com.vibrationfit.platform.testing.RawSql;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** assessment.events through the outbox; user.deleted purges the member's assessments. */
@QuarkusTest
class AssessmentEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldPublishStartedCompletedAndDeleted() throws Exception {
        UUID alice = UUID.randomUUID();
        String id = Assessments.completed(alice, q -> q.startsWith("money_") ? 2 : 8);
        as(alice).delete("/api/v1/assessments/" + id).then().statusCode(204);
        List<ConsumerRecord<String, String>> events =
                KafkaTopics.readForUser(Topics.ASSESSMENT, alice, Duration.ofSeconds(30), 3);
        assertEquals(
                List.of("assessment.started", "assessment.completed", "assessment.deleted"),
                events.stream().map(r -> KafkaTopics.header(r, "ce_type")).toList());
        JsonNode completed = JSON.readTree(events.get(1).value());
        assertEquals(id, completed.get("assessment_id").asText());
        assertEquals(14 + 11 * 56, completed.get("total_score").asInt());
        assertEquals("below", completed.get("green_line_status").get("money").asText());
        assertEquals("above", completed.get("green_line_status").get("health").asText());
        assertEquals(56, completed.get("category_scores").get("spirituality").asInt());
        assertTrue(completed.get("insights").size() > 0);
        assertEquals(
                "money",
                completed.get("insights").findValues("category").stream()
                        .map(JsonNode::asText)
                        .filter("money"::equals)
                        .findFirst()
                        .orElse(null));
    }

    @Test
    void shouldPurgeADeletedMembersAssessments() {
        UUID gina = UUID.randomUUID();
        UUID hugo = UUID.randomUUID();
        Assessments.completed(gina, q -> 6);
        Assessments.start(gina);
        Assessments.start(hugo);
        KafkaTopics.publishUserDeleted(gina);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertEquals(
                        0,
                        RawSql.asSystem("select * from assessment_results where user_id = '" + gina + "'")
                                .size()));
        assertEquals(
                1,
                RawSql.asSystem("select * from assessment_results where user_id = '" + hugo + "'")
                        .size());
        as(gina).get("/api/v1/assessments").then().statusCode(401);
    }
}
