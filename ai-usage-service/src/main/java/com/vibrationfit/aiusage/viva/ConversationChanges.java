package com.vibrationfit.aiusage.viva;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code PATCH /api/v1/ai/conversations/{id}}. */
@Schema(name = "ConversationChanges")
public record ConversationChanges(
        @Schema(description = "1 to 200 characters", required = true)
        String title) {}
