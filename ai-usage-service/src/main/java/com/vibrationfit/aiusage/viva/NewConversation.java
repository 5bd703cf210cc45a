package com.vibrationfit.aiusage.viva;

import com.vibrationfit.events.LifeCategory;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/ai/conversations}; every field is optional. */
@Schema(name = "NewConversation")
public record NewConversation(
        @Schema(description = "default coach") CoachMode mode,

        @Schema(description = "the life area the thread is about")
        LifeCategory category,

        @Schema(
                description =
                        "the vision the thread works on (default: your newest complete vision, else your newest draft)")
        UUID visionId,

        @Schema(description = "default: the start of your first message", maxLength = Conversations.MAX_TITLE)
        String title) {}
