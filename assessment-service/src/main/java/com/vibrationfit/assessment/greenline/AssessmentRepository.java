package com.vibrationfit.assessment.greenline;

import com.vibrationfit.platform.db.MemberOwnedRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Queries on {@code assessment_results}; each names the member so the user index serves it. */
@ApplicationScoped
public class AssessmentRepository implements MemberOwnedRepository<AssessmentResult> {

    public Optional<AssessmentResult> inProgress(UUID userId) {
        return find("userId = ?1 and status = ?2", userId, AssessmentResult.IN_PROGRESS)
                .firstResultOptional();
    }

    /** The member's latest completed assessment, by completed_at. */
    public Optional<AssessmentResult> latestCompleted(UUID userId) {
        return find(
                        "userId = ?1 and status = ?2 order by completedAt desc, id desc",
                        userId,
                        AssessmentResult.COMPLETED)
                .firstResultOptional();
    }

    /** Newest first, optionally of one status; {@code limit} rows from {@code offset}. */
    public List<AssessmentResult> newestFirst(UUID userId, String status, int offset, int limit) {
        var query = status == null
                ? find("userId = ?1 order by createdAt desc, id desc", userId)
                : find("userId = ?1 and status = ?2 order by createdAt desc, id desc", userId, status);
        return query.range(offset, offset + limit - 1).list();
    }
}
