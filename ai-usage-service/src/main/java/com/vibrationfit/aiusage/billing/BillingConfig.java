package com.vibrationfit.aiusage.billing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Plans and the payment provider ({@code vf.billing.*}). The free plan is the ledger's own (the original app's 100
 * tokens and monthly drip, {@code vf.ai.plan.*}); paid plans grant their tokens per paid cycle. Packs are the price
 * table's ({@code vf.ai.packs.*}). Without a Stripe key, nothing can be bought (503) and auto top-up charges nobody.
 */
@ConfigMapping(prefix = "vf.billing")
public interface BillingConfig {

    /** ISO currency of every price, lower case as Stripe writes it. */
    @WithDefault("usd")
    String currency();

    /** How long a paid cycle is. */
    @WithDefault("28")
    int cycleDays();

    /** Paid plans by id. */
    Map<String, PaidPlan> plans();

    Stripe stripe();

    /** Where the provider sends the member back to (the web app's account page). */
    @WithDefault("http://localhost:8080/account")
    String returnUrl();

    /** How often pending auto top-up charges are looked for when nothing woke the charger. */
    @WithDefault("PT30S")
    Duration chargeEvery();

    interface PaidPlan {
        String name();

        int tokensPerCycle();

        int priceCents();
    }

    interface Stripe {
        /** The secret API key; absent: payments are not configured. */
        Optional<String> apiKey();

        @WithDefault("https://api.stripe.com")
        String baseUrl();

        /** The webhook endpoint's signing secret ({@code whsec_...}). */
        Optional<String> webhookSecret();

        /** How old a webhook's signed timestamp may be (Stripe's libraries use 5 minutes). */
        @WithDefault("PT5M")
        Duration signatureTolerance();

        @WithDefault("PT20S")
        Duration timeout();
    }

    default Duration cycle() {
        return Duration.ofDays(cycleDays());
    }
}
