package com.vibrationfit.aiusage.billing;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A member's plan: which, where its cycle stands, when tokens come next, and whether a card is saved. */
@Schema(name = "MemberPlan")
public record PlanView(
        @Schema(maxLength = 50) String planId,
        @Schema(maxLength = 100) String planName,

        @Schema(
                enumeration = {"active", "past_due", "canceling"},
                description = "past_due: the last renewal failed; canceling: ends with this cycle")
        String status,

        int tokensPerCycle,
        int priceCents,
        @Schema(description = "start of the current cycle") Instant cycleStartedAt,

        @Schema(description = "when the next tokens are granted (a paid plan: once its renewal is paid)")
        Instant nextGrantAt,

        int rolloverCycles,

        @Schema(description = "a card is saved with the payment provider (auto top-up charges it)")
        boolean paymentMethodSaved,

        boolean autoTopupEnabled,
        @Schema(maxLength = 50) String autoTopupPackId) {}
