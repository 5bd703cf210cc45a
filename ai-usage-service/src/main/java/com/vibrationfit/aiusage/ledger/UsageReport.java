package com.vibrationfit.aiusage.ledger;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of a capture: what the call actually used. Which fields count depends on the model's kind. */
@Schema(name = "UsageReport")
public record UsageReport(
        @Schema(description = "a model of the price table") String modelUsed,
        @Schema(description = "text models") Integer inputTokens,
        @Schema(description = "text models") Integer outputTokens,
        @Schema(description = "speech models") Integer characters,
        @Schema(description = "image models") Integer images,

        @Schema(description = "transcription models: seconds of audio transcribed", minimum = "0", maximum = "86400")
        Double audioSeconds,

        @Schema(description = "false: nothing is charged and the reservation is released")
        Boolean success,

        String errorMessage,
        Map<String, Object> metadata) {}
