package com.vibrationfit.assessment.events;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vibrationfit.assessment.greenline.AssessmentResult;
import com.vibrationfit.assessment.greenline.Scores;
import com.vibrationfit.assessment.insight.AssessmentInsight;
import com.vibrationfit.events.AssessmentCompleted;
import com.vibrationfit.events.AssessmentDeleted;
import com.vibrationfit.events.AssessmentStarted;
import com.vibrationfit.events.EventType;
import com.vibrationfit.events.Topics;
import com.vibrationfit.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** What assessment-service tells the platform on {@code assessment.events}, in the changing transaction's outbox. */
@ApplicationScoped
public class AssessmentEvents {

    private static final TypeReference<List<String>> IDS = new TypeReference<>() {};

    @Inject
    Outbox outbox;

    @Inject
    ObjectMapper json;

    public void started(AssessmentResult r) {
        outbox.record(
                Topics.ASSESSMENT,
                EventType.ASSESSMENT_STARTED,
                r.userId,
                new AssessmentStarted(r.id, r.userId, r.profileVersionId, r.assessmentVersion, r.startedAt));
    }

    public void completed(AssessmentResult r, Scores scores, List<AssessmentInsight> insights) {
        List<AssessmentCompleted.Insight> published = insights.stream()
                .map(i -> new AssessmentCompleted.Insight(
                        i.category,
                        i.insightType,
                        i.title,
                        i.description,
                        i.confidenceScore,
                        ids(i.supportingResponses)))
                .toList();
        outbox.record(
                Topics.ASSESSMENT,
                EventType.ASSESSMENT_COMPLETED,
                r.userId,
                new AssessmentCompleted(
                        r.id,
                        r.userId,
                        r.profileVersionId,
                        r.assessmentVersion,
                        scores.totalScore(),
                        scores.overallPercentage(),
                        scores.categoryScores(),
                        scores.greenLineStatus(),
                        published,
                        r.completedAt));
    }

    public void deleted(AssessmentResult r) {
        outbox.record(Topics.ASSESSMENT, EventType.ASSESSMENT_DELETED, r.userId, new AssessmentDeleted(r.id, r.userId));
    }

    private List<String> ids(String stored) {
        try {
            return stored == null ? List.of() : json.readValue(stored, IDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
