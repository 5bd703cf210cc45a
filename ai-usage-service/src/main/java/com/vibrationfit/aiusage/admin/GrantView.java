package com.vibrationfit.aiusage.admin;

import com.vibrationfit.aiusage.ledger.Balance;
import java.time.Instant;
import java.util.UUID;

/** An admin adjustment and the member's balance after it. */
public record GrantView(
        UUID id,
        UUID userId,
        String kind,
        int amount,
        String reason,
        UUID grantedBy,
        Instant createdAt,
        Balance balance) {}
