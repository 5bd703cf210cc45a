package com.vibrationfit.aiusage.viva;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/ai/conversations/{id}/messages}. */
@Schema(name = "NewMessage")
public record NewMessage(
        @Schema(description = "1 to 4,000 characters (vf.viva.max-message-characters)", required = true)
        String message) {}
