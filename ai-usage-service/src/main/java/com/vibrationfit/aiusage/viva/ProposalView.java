package com.vibrationfit.aiusage.viva;

import com.vibrationfit.events.LifeCategory;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * VIVA's text for one section of the member's vision, stored in the thread and paid for, but written nowhere else:
 * the member decides whether it goes into their draft (a PATCH of the vision with this text).
 */
@Schema(name = "Proposal")
public record ProposalView(
        @Schema(description = "the life area the text is for")
        LifeCategory section,

        @Schema(description = "the proposed section text (VIVA's reply)", maxLength = MessageView.MESSAGE_MAX_LENGTH)
        String text,

        @Schema(
                description = "vision_generation when your vision had nothing for this area, vision_refinement when "
                        + "VIVA rewrote your text",
                enumeration = {Coach.DRAFTING, Coach.REFINING})
        String actionType,

        @Schema(description = "tokens charged (0 for the offline coach)")
        int tokensUsed,

        @Schema(description = "true when the offline coach wrote it (from your own words, free)")
        boolean offline,

        @Schema(description = "your stored instruction") MessageView userMessage,

        @Schema(description = "the stored reply holding the text")
        MessageView reply) {}
