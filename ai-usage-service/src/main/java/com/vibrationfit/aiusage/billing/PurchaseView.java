package com.vibrationfit.aiusage.billing;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A purchase as the member (or an admin) sees it. */
@Schema(name = "Purchase")
public record PurchaseView(
        UUID id,

        @Schema(enumeration = {"pack", "plan", "renewal", "auto_topup"})
        String kind,

        @Schema(description = "the pack or plan bought", maxLength = 50)
        String offerId,

        int tokens,
        int amountCents,
        @Schema(maxLength = 3) String currency,

        @Schema(enumeration = {"pending", "paid", "failed", "refunded", "canceled"})
        String status,

        @Schema(description = "why the payment failed, as the provider said", maxLength = 500)
        String failureReason,

        Instant createdAt,
        Instant paidAt) {

    static PurchaseView of(Purchase p) {
        return new PurchaseView(
                p.id,
                p.kind,
                p.offerId,
                p.tokens,
                p.amountCents,
                p.currency,
                p.status,
                p.failureReason,
                p.createdAt,
                p.paidAt);
    }
}
