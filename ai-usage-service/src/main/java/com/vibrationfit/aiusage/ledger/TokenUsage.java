package com.vibrationfit.aiusage.ledger;

import com.vibrationfit.platform.json.Texts;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
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

    public static final String ASSESSMENT_SCORING = "assessment_scoring";
    public static final String VISION_GENERATION = "vision_generation";
    public static final String VISION_REFINEMENT = "vision_refinement";
    public static final String BLUEPRINT_GENERATION = "blueprint_generation";
    public static final String CHAT_CONVERSATION = "chat_conversation";
    public static final String AUDIO_GENERATION = "audio_generation";
    public static final String IMAGE_GENERATION = "image_generation";
    /** Speech-to-text of a member's voice recording (media-service, an OpenAI-compatible transcription API). */
    public static final String AUDIO_TRANSCRIPTION = "audio_transcription";

    /** The action_type CHECK of {@code token_usage}. */
    public static final Set<String> ACTION_TYPES = Set.of(
            ASSESSMENT_SCORING,
            VISION_GENERATION,
            VISION_REFINEMENT,
            BLUEPRINT_GENERATION,
            CHAT_CONVERSATION,
            AUDIO_GENERATION,
            IMAGE_GENERATION,
            AUDIO_TRANSCRIPTION);

    /** How many {@link #ACTION_TYPES} there are (a constant, for the bounds annotations state). */
    public static final int ACTION_TYPE_COUNT = 8;

    /** The longest model name a row keeps (and a filter takes). */
    public static final int MODEL_MAX_LENGTH = 200;

    /** The most of a failure's message a row keeps. */
    public static final int ERROR_MESSAGE_MAX_LENGTH = 2_000;

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

    /**
     * Every row keeps the bounds the API documents (UsageView), whoever reported it: a capture, an
     * {@code ai.usage.recorded} event of another service, or VIVA.
     */
    @PrePersist
    @PreUpdate
    void keepBounds() {
        modelUsed = Texts.cut(modelUsed, MODEL_MAX_LENGTH);
        errorMessage = Texts.cut(errorMessage, ERROR_MESSAGE_MAX_LENGTH);
    }
}
