package com.vibrationfit.assessment.insight;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Queries on {@code assessment_insights}. */
@ApplicationScoped
public class InsightRepository implements PanacheRepositoryBase<AssessmentInsight, UUID> {

    /** Highest confidence first, optionally of one category. */
    public List<AssessmentInsight> of(UUID assessmentId, String category) {
        return category == null
                ? list("assessmentId = ?1 order by confidenceScore desc, createdAt, id", assessmentId)
                : list(
                        "assessmentId = ?1 and category = ?2 order by confidenceScore desc, createdAt, id",
                        assessmentId,
                        category);
    }
}
