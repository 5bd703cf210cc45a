package com.vibrationfit.aiusage.admin;

import com.vibrationfit.aiusage.ledger.Balance;
import com.vibrationfit.aiusage.ledger.TokenGrant;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An admin adjustment and the member's balance after it. */
public record GrantView(
        UUID id,
        UUID userId,

        @Schema(enumeration = {TokenGrant.ADMIN_GRANT, TokenGrant.ADMIN_DEDUCTION})
        String kind,

        int amount,
        @Schema(maxLength = TokenGrant.REASON_MAX_LENGTH) String reason,
        UUID grantedBy,
        Instant createdAt,
        Balance balance) {}
