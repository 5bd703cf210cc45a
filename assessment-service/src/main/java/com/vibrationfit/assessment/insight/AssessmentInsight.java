package com.vibrationfit.assessment.insight;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An insight written on completion: a row of {@code assessment_insights}. */
@Entity
@Table(name = "assessment_insights")
public class AssessmentInsight extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public UUID assessmentId;

    @Column(nullable = false, columnDefinition = "assessment_category")
    public String category;

    @Column(nullable = false)
    public String insightType;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String description;

    @Column(precision = 3, scale = 2)
    public BigDecimal confidenceScore;

    /** JSON array of the question ids the insight rests on. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String supportingResponses;

    @Column(nullable = false, updatable = false)
    public Instant createdAt;

    @Column(nullable = false)
    public Instant updatedAt;
}
