package com.vibrationfit.aiusage.billing;

import com.vibrationfit.events.AiBalanceChanged;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/ai/checkout}: exactly one of a pack or a plan. */
public record NewCheckout(
        @Schema(description = "a pack to buy once (see GET /api/v1/ai/offers)")
        @Size(max = AiBalanceChanged.PACK_ID_MAX_LENGTH)
        String packId,

        @Schema(description = "a paid plan to subscribe to") @Size(max = AiBalanceChanged.PACK_ID_MAX_LENGTH)
        String planId) {}
