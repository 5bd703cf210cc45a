package com.vibrationfit.aiusage.ledger;

import com.vibrationfit.events.AiBalanceChanged;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A member's balance, computed from the ledger. {@code vibe_assistant_tokens_remaining} = {@code remaining}
 * (available now: lots left minus open reservations), {@code vibe_assistant_tokens_used} = {@code used}
 * (tokens charged by captured calls), {@code vibe_assistant_total_cost} = {@code total_cost_cents}.
 */
@Schema(name = "TokenBalance")
public record Balance(
        UUID userId,
        int remaining,
        int reserved,
        int used,
        BigDecimal totalCostCents,
        int granted,
        int expired,
        int monthlyDrip,
        Instant lastDripAt,
        Instant nextDripAt,
        int rolloverCycles,
        boolean autoTopupEnabled,

        @Schema(maxLength = AiBalanceChanged.PACK_ID_MAX_LENGTH)
        String autoTopupPackId,

        @Schema(
                description = "by expiry, soonest first: the drips of the current cycle and the ones rolling over",
                maxItems = LedgerRules.ROLLOVER_CYCLES + 1)
        List<Expiring> expiring) {

    /** Tokens that will expire unless spent first. */
    public record Expiring(int tokens, Instant expiresAt) {}
}
