package com.vibrationfit.aiusage.viva;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A turn as the API returns it; usage fields are set on assistant turns only. */
@Schema(name = "ConversationMessage")
public record MessageView(
        UUID id,
        UUID conversationId,
        @Schema(enumeration = {"user", "assistant"}) String role,
        String message,

        @Schema(
                description = "mode, category; for replies also coach (offline or provider), offline, model and what "
                        + "the reply was grounded in (vision, assessment, profile version)")
        JsonNode context,

        @Schema(description = "tokens charged for this reply")
        Integer tokensUsed,

        Integer inputTokens,
        Integer outputTokens,
        String model,

        @Schema(description = "the token_usage row of this reply")
        UUID usageId,

        Instant createdAt) {}
