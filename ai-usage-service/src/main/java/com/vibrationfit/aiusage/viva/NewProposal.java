package com.vibrationfit.aiusage.viva;

import com.vibrationfit.events.LifeCategory;
import com.vibrationfit.platform.errors.InvalidRequest;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/ai/conversations/{id}/proposals}: which section VIVA should write, and how. */
@Schema(name = "NewProposal")
public record NewProposal(
        @Schema(description = "the life area whose vision section VIVA writes", required = true)
        LifeCategory section,

        @Schema(
                description = "what you want from the draft, stored in the thread as your message (default: write it "
                        + "from what we talked about)",
                minLength = 1,
                maxLength = NewMessage.MAX_LENGTH)
        String instruction) {

    /** The section's key; 400 naming {@code section} when it is missing. */
    String checkedSection() {
        if (section == null) {
            throw InvalidRequest.of("section", "is required: one of " + LifeCategory.keys());
        }
        return section.key();
    }
}
