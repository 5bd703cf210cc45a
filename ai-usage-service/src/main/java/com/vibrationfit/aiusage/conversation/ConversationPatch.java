package com.vibrationfit.aiusage.conversation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code PATCH /api/v1/ai/conversations/{id}}. */
@Schema(name = "ConversationPatch")
public record ConversationPatch(@Schema(description = "1 to 200 characters", required = true) String title) {
}
