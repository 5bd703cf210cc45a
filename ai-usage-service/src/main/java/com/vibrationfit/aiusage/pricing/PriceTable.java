package com.vibrationfit.aiusage.pricing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * What each model costs, from configuration ({@code vf.ai.prices."<model>".*}): text models by input and
 * output tokens, speech by characters, images per image, transcription by minutes of audio. Tokens charged: text
 * input + output tokens, speech one per character, images {@code tokens-per-image} each, transcription
 * {@code tokens-per-minute} per minute of audio (rounded up, at least one for any audio).
 */
@ConfigMapping(prefix = "vf.ai")
public interface PriceTable {

    Map<String, Price> prices();

    /** Top-up packs by id: tokens granted and what would be charged (no card is charged). */
    Map<String, Pack> packs();

    Plan plan();

    /** How often lapsed reservations are looked for (read by the {@code LapsedReservations} job). */
    @WithDefault("PT30S")
    Duration reservationSweepEvery();

    interface Price {
        /** text, speech, image or transcription */
        String kind();

        @WithDefault("0")
        double inputCentsPer1kTokens();

        @WithDefault("0")
        double outputCentsPer1kTokens();

        @WithDefault("0")
        double centsPer1kCharacters();

        @WithDefault("0")
        double centsPerImage();

        @WithDefault("1000")
        int tokensPerImage();

        /** transcription: cents per minute of audio transcribed */
        @WithDefault("0")
        double centsPerMinute();

        /** transcription: tokens charged per minute of audio transcribed */
        @WithDefault("100")
        int tokensPerMinute();
    }

    interface Pack {
        int tokens();

        double priceCents();
    }

    interface Plan {
        /** Tokens a new member starts with (100, the original Supabase schema's default). */
        @WithDefault("100")
        int initialTokens();

        @WithDefault("100")
        int monthlyDrip();

        /** How long a reservation holds tokens before it expires by itself. */
        @WithDefault("PT2M")
        Duration reservationTimeout();
    }

    default Optional<Price> price(String model) {
        return Optional.ofNullable(prices().get(model));
    }
}
