package com.vibrationfit.assessment.greenline;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One answer: a row of {@code assessment_responses}; everything but the value comes from the bank. */
@Entity
@Table(name = "assessment_responses")
public class AssessmentResponse extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public UUID assessmentId;

    @Column(nullable = false, updatable = false)
    public String questionId;

    @Column(nullable = false)
    public String questionText;

    @Column(nullable = false, columnDefinition = "assessment_category")
    public String category;

    @Column(nullable = false)
    public Integer responseValue;

    @Column(nullable = false)
    public String responseText;

    public String responseEmoji;

    @Column(nullable = false)
    public String greenLine;

    @Column(nullable = false)
    public Instant answeredAt;

    @Column(nullable = false, updatable = false)
    public Instant createdAt;

    @Column(nullable = false)
    public Instant updatedAt;
}
