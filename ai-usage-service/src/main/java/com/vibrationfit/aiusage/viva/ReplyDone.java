package com.vibrationfit.aiusage.viva;

import com.vibrationfit.aiusage.ledger.TokenUsage;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The last event of a streamed reply ({@code event: done}): the stored reply and what it cost. */
@Schema(name = "ReplyDone")
public record ReplyDone(
        UUID messageId,
        UUID conversationId,
        UUID userMessageId,
        int tokensUsed,
        Integer inputTokens,
        Integer outputTokens,
        @Schema(maxLength = TokenUsage.MODEL_MAX_LENGTH) String model,
        boolean offline,
        UUID usageId) {

    static ReplyDone of(CoachReply reply) {
        var m = reply.reply();
        return new ReplyDone(
                m == null ? null : m.id(),
                reply.userMessage().conversationId(),
                reply.userMessage().id(),
                reply.tokensUsed(),
                m == null ? null : m.inputTokens(),
                m == null ? null : m.outputTokens(),
                m == null ? null : m.model(),
                reply.offline(),
                m == null ? null : m.usageId());
    }
}
