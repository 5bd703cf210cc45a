package com.vibrationfit.aiusage.viva;

import com.vibrationfit.events.LifeCategory;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A thread as the API returns it. */
@Schema(name = "Conversation")
public record ConversationView(
        UUID id,

        @Schema(description = "null until set or taken from the first message", maxLength = Conversations.MAX_TITLE)
        String title,

        @Schema(enumeration = {"vision_builder", "refinement", "coach", "master"})
        String mode,

        @Schema(
                description = "one of the 12 life categories, or null",
                type = SchemaType.STRING,
                implementation = LifeCategory.class)
        String category,

        UUID visionId,
        int messageCount,
        Instant lastMessageAt,
        Instant createdAt,
        Instant updatedAt) {

    static ConversationView of(Conversation c) {
        return new ConversationView(
                c.id,
                c.title,
                c.mode,
                c.category,
                c.visionId,
                c.messageCount,
                c.lastMessageAt,
                c.createdAt,
                c.updatedAt);
    }
}
