package com.vibrationfit.aiusage.balance;

import com.vibrationfit.events.AiBalanceChanged;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code PUT /api/v1/ai/auto-topup}. */
public record AutoTopUp(
        @NotNull Boolean enabled,

        @Schema(description = "a top-up pack (required to turn it on)") @Size(max = AiBalanceChanged.PACK_ID_MAX_LENGTH)
        String packId) {}
