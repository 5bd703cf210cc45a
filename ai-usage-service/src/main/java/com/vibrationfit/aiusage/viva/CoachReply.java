package com.vibrationfit.aiusage.viva;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer of the non-streaming variant: the member's stored turn, VIVA's stored reply, what it cost. */
@Schema(name = "CoachReply")
public record CoachReply(
        MessageView userMessage,

        @Schema(description = "null only if the thread was deleted while the reply was written")
        MessageView reply,

        @Schema(description = "tokens charged (0 for the offline coach)")
        int tokensUsed,

        @Schema(description = "true when the offline coach answered")
        boolean offline) {}
