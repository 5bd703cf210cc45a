package com.vibrationfit.aiusage.viva;

import com.fasterxml.jackson.databind.JsonNode;
import com.vibrationfit.aiusage.ledger.TokenUsage;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A turn as the API returns it; usage fields are set on assistant turns only. */
@Schema(name = "ConversationMessage")
public record MessageView(
        UUID id,
        UUID conversationId,
        @Schema(enumeration = {"user", "assistant"}) String role,

        @Schema(
                description = "the member's message (at most "
                        + NewMessage.MAX_LENGTH
                        + " characters) or VIVA's reply: the model's text, at most vf.viva.max-reply-tokens tokens; "
                        + "its characters are bounded by the bytes a provider may stream for one reply "
                        + "(vf.viva.provider.max-response-bytes, at most "
                        + MessageView.MESSAGE_MAX_LENGTH
                        + ")",
                maxLength = MessageView.MESSAGE_MAX_LENGTH)
        String message,

        @Schema(
                description = "mode, category; for replies also coach (offline or provider), offline, model and what "
                        + "the reply was grounded in (vision, assessment, profile version)")
        JsonNode context,

        @Schema(description = "tokens charged for this reply")
        Integer tokensUsed,

        Integer inputTokens,
        Integer outputTokens,
        @Schema(maxLength = TokenUsage.MODEL_MAX_LENGTH) String model,

        @Schema(description = "the token_usage row of this reply")
        UUID usageId,

        Instant createdAt) {

    /**
     * The longest message: a reply is made of what the provider streamed for it, at most
     * vf.viva.provider.max-response-bytes bytes (no more characters than bytes), which may not exceed this; a
     * member's message is much shorter ({@link NewMessage#MAX_LENGTH}).
     */
    public static final int MESSAGE_MAX_LENGTH = 4_000_000;
}
