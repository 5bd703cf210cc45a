package com.vibrationfit.assessment.greenline;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Queries on {@code assessment_responses}. */
@ApplicationScoped
public class ResponseRepository implements PanacheRepositoryBase<AssessmentResponse, UUID> {

    public List<AssessmentResponse> of(UUID assessmentId) {
        return list("assessmentId", assessmentId);
    }

    public Optional<AssessmentResponse> find(UUID assessmentId, String questionId) {
        return find("assessmentId = ?1 and questionId = ?2", assessmentId, questionId)
                .firstResultOptional();
    }
}
