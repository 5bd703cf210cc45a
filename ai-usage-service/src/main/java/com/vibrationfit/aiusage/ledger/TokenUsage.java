package com.vibrationfit.aiusage.ledger;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One AI call: a row of {@code token_usage}. */
@Entity
@Table(name = "token_usage")
public class TokenUsage extends PanacheEntityBase {

    public static final Set<String> ACTION_TYPES = Set.of(
            "assessment_scoring",
            "vision_generation",
            "vision_refinement",
            "blueprint_generation",
            "chat_conversation",
            "audio_generation",
            "image_generation");

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public UUID userId;

    @Column(nullable = false)
    public String actionType;

    @Column(nullable = false)
    public String modelUsed;

    @Column(nullable = false)
    public Integer tokensUsed = 0;

    public Integer inputTokens = 0;
    public Integer outputTokens = 0;

    @Column(precision = 10, scale = 4)
    public BigDecimal costEstimate = BigDecimal.ZERO;

    @Column(nullable = false)
    public Boolean success = true;

    public String errorMessage;

    @JdbcTypeCode(SqlTypes.JSON)
    public String metadata = "{}";

    @Column(nullable = false, updatable = false)
    public Instant createdAt;
}
