package com.vibrationfit.aiusage.viva;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code PATCH /api/v1/ai/conversations/{id}}. */
@Schema(name = "ConversationChanges")
public record ConversationChanges(
        @Schema(required = true, minLength = 1, maxLength = Conversations.MAX_TITLE)
        String title) {}
