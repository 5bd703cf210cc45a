package com.vibrationfit.aiusage.viva;

import com.vibrationfit.aiusage.pricing.PriceTable;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Chooses VIVA's model once, at boot: the configured provider, or the offline coach when none is configured. */
@ApplicationScoped
public class CoachModels {

    @Produces
    @Singleton
    CoachModel coachModel(VivaConfig config, PriceTable prices) {
        if (config.provider().baseUrl().filter(url -> !url.isBlank()).isEmpty()) {
            Log.info("VIVA: no provider configured (vf.viva.provider.base-url); the offline coach answers");
            return new OfflineCoach();
        }
        String model = config.provider().model();
        if (prices.price(model).filter(p -> "text".equals(p.kind())).isEmpty()) {
            // Refuse to boot rather than answer members with replies nobody can charge.
            throw new IllegalStateException("VIVA's model '" + model + "' has no text price in vf.ai.prices; add "
                    + "vf.ai.prices.\"" + model + "\".kind=text and its per-1k-token prices");
        }
        Log.infof(
                "VIVA: replies come from model %s at %s",
                model, config.provider().baseUrl().get());
        return new OpenAiCoachModel(config);
    }
}
