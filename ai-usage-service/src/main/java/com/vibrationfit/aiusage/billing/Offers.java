package com.vibrationfit.aiusage.billing;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a member can buy: plans (per cycle) and packs (once). */
@Schema(name = "TokenOffers")
public record Offers(
        @Schema(maxItems = 20) List<PlanOffer> plans,
        @Schema(maxItems = 20) List<PackOffer> packs,
        @Schema(maxLength = 3) String currency) {

    @Schema(name = "PlanOffer")
    public record PlanOffer(
            @Schema(maxLength = 50) String id,
            @Schema(maxLength = 100) String name,

            @Schema(description = "tokens granted each paid cycle (the free plan: its monthly drip)")
            int tokensPerCycle,

            int priceCents,

            @Schema(description = "days per cycle (the free plan drips monthly)")
            int cycleDays,

            @Schema(description = "cycles a cycle's unspent tokens roll over")
            int rolloverCycles,

            @Schema(description = "the plan the member is on")
            boolean current) {}

    @Schema(name = "PackOffer")
    public record PackOffer(@Schema(maxLength = 50) String id, int tokens, int priceCents) {}
}
