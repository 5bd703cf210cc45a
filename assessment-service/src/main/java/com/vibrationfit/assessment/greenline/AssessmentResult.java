package com.vibrationfit.assessment.greenline;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One Green Line assessment of a member: a row of {@code assessment_results}. Status and
 * the score maps are stored as in the original Supabase schema (a PostgreSQL enum, JSONB objects keyed by category).
 */
@Entity
@Table(name = "assessment_results")
public class AssessmentResult extends PanacheEntityBase {

    public static final String NOT_STARTED = "not_started";
    public static final String IN_PROGRESS = "in_progress";
    public static final String COMPLETED = "completed";
    public static final int NOTES_MAX_LENGTH = 2_000;

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public UUID userId;

    public UUID profileVersionId;

    @Column(nullable = false, columnDefinition = "assessment_status")
    public String status = NOT_STARTED;

    public Integer totalScore = 0;
    public Integer maxPossibleScore = Scores.MAX_POSSIBLE;
    public Integer overallPercentage = 0;

    @JdbcTypeCode(SqlTypes.JSON)
    public String categoryScores = "{}";

    @JdbcTypeCode(SqlTypes.JSON)
    public String greenLineStatus = "{}";

    public Instant startedAt;
    public Instant completedAt;

    @Column(nullable = false, updatable = false)
    public Instant createdAt;

    @Column(nullable = false)
    public Instant updatedAt;

    public Integer assessmentVersion = 1;
    public String notes;

    public boolean completed() {
        return COMPLETED.equals(status);
    }
}
