package com.vibrationfit.aiusage.viva;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/ai/conversations/{id}/messages}. */
@Schema(name = "NewMessage")
public record NewMessage(
        @Schema(
                description = "1 to vf.viva.max-message-characters characters (4,000 by default, at most "
                        + NewMessage.MAX_LENGTH
                        + ")",
                required = true,
                minLength = 1,
                maxLength = NewMessage.MAX_LENGTH)
        String message) {

    /** The longest message a member may send: vf.viva.max-message-characters may lower it, never raise it. */
    public static final int MAX_LENGTH = 4_000;
}
