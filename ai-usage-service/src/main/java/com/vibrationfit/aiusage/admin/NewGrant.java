package com.vibrationfit.aiusage.admin;

import com.vibrationfit.aiusage.ledger.TokenGrant;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/admin/ai/grants}: a positive amount grants, a negative one deducts. */
public record NewGrant(
        @NotNull UUID userId,
        @NotNull Integer amount,

        @NotNull @Schema(maxLength = TokenGrant.REASON_MAX_LENGTH)
        String reason) {}
