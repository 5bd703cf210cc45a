package com.vibrationfit.aiusage.spend;

import java.time.Instant;
import java.util.UUID;

/** A reservation as the internal API returns it. */
public record ReservationView(
        UUID id,
        UUID userId,
        String actionType,
        int estimatedTokens,
        String status,
        int chargedTokens,
        UUID usageId,
        Instant expiresAt) {}
