package com.vibrationfit.aiusage.spend;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/**
 * Body of {@code POST /internal/v1/ai/reservations}: hold an estimate for a member's call, for
 * {@code hold_seconds} (1 to 900; default {@code vf.ai.plan.reservation-timeout}) unless captured or released.
 */
public record NewReservation(
        @NotNull UUID userId,
        @NotNull String actionType,
        @NotNull Integer estimatedTokens,
        Integer holdSeconds) {}
