package com.vibrationfit.assessment.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vibrationfit.assessment.Assessments;
import com.vibrationfit.platform.testing.ExportParts;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/** assessment-service's part of an export: every assessment with its answers and insights, nobody else's. */
@QuarkusTest
class ExportPartTest {

    @Inject
    S3Client s3;

    private final UUID alice = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();

    @Test
    void shouldWriteEveryAssessmentWithItsAnswersAndInsights() {
        String completed = Assessments.completed(alice, question -> 2);
        String started = Assessments.start(bob);

        ExportParts.Part part = ExportParts.of(alice, "assessment-service", s3);

        assertEquals(1, part.rows("assessment_results").size());
        assertEquals(
                completed, part.rows("assessment_results").get(0).path("id").asText());
        assertEquals(
                "completed",
                part.rows("assessment_results").get(0).path("status").asText());
        int questions = Assessments.questionIds(alice).size();
        assertEquals(questions, part.rows("assessment_responses").size(), "every answer");
        Set<String> assessments = new HashSet<>();
        part.rows("assessment_responses")
                .forEach(r -> assessments.add(r.path("assessment_id").asText()));
        part.rows("assessment_insights")
                .forEach(r -> assessments.add(r.path("assessment_id").asText()));
        assertEquals(Set.of(completed), assessments, "nothing of bob's " + started);
        assertTrue(part.rows("assessment_insights").size() > 0, "insights of the completed assessment");
    }
}
