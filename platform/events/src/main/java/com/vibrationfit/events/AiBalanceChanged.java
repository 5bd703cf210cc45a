package com.vibrationfit.events;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code ai.balance.changed} on {@code ai.balances}: a member's token balance after a change, computed from
 * ai-usage-service's ledger; what the {@code vibe_assistant_tokens_*}, {@code token_*} and
 * {@code auto_topup_*} profile columns show. {@code reason}: reserved, captured, released, granted, deducted,
 * auto_topup, settled, purchased, plan_cycle, plan_ended, refunded.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AiBalanceChanged(
        UUID userId,
        int tokensRemaining,
        int tokensReserved,
        int tokensUsed,
        BigDecimal totalCostCents,
        int rolloverCycles,
        Instant lastDripAt,
        boolean autoTopupEnabled,
        String autoTopupPackId,
        String reason,
        Instant changedAt) {

    /** The longest top-up pack id (ai-usage-service accepts no longer one, in a request or its configuration). */
    public static final int PACK_ID_MAX_LENGTH = 50;
}
