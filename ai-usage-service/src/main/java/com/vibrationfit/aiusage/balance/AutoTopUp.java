package com.vibrationfit.aiusage.balance;

import jakarta.validation.constraints.NotNull;

/** Body of {@code PUT /api/v1/ai/auto-topup}. */
public record AutoTopUp(@NotNull Boolean enabled, String packId) {}
