package com.vibrationfit.aiusage.balance;

import com.fasterxml.jackson.databind.JsonNode;
import com.vibrationfit.aiusage.ledger.TokenUsage;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A row of {@code token_usage} as the API returns it. */
@Schema(name = "TokenUsage")
public record UsageView(
        UUID id,
        UUID userId,

        @Schema(
                enumeration = {
                    TokenUsage.ASSESSMENT_SCORING,
                    TokenUsage.VISION_GENERATION,
                    TokenUsage.VISION_REFINEMENT,
                    TokenUsage.BLUEPRINT_GENERATION,
                    TokenUsage.CHAT_CONVERSATION,
                    TokenUsage.AUDIO_GENERATION,
                    TokenUsage.IMAGE_GENERATION,
                    TokenUsage.AUDIO_TRANSCRIPTION
                })
        String actionType,

        @Schema(maxLength = TokenUsage.MODEL_MAX_LENGTH) String modelUsed,
        int tokensUsed,
        Integer inputTokens,
        Integer outputTokens,
        BigDecimal costEstimate,
        boolean success,

        @Schema(maxLength = TokenUsage.ERROR_MESSAGE_MAX_LENGTH)
        String errorMessage,

        JsonNode metadata,
        Instant createdAt) {}
