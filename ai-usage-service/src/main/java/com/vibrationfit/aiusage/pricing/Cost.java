package com.vibrationfit.aiusage.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Tokens charged and the estimated cost in cents of one call, by the model's price. Counts are reported by callers:
 * sums and products saturate at {@link Integer#MAX_VALUE} instead of overflowing into a negative charge (a credit).
 */
public record Cost(int tokens, BigDecimal cents) {

    public static Cost of(PriceTable.Price price, int inputTokens, int outputTokens, int characters, int images) {
        return switch (price.kind()) {
            case "text" ->
                new Cost(
                        saturated((long) inputTokens + outputTokens),
                        cents(inputTokens / 1000.0 * price.inputCentsPer1kTokens()
                                + outputTokens / 1000.0 * price.outputCentsPer1kTokens()));
            case "speech" -> new Cost(characters, cents(characters / 1000.0 * price.centsPer1kCharacters()));
            case "image" ->
                new Cost(saturated((long) images * price.tokensPerImage()), cents(images * price.centsPerImage()));
            default -> throw new IllegalStateException("unknown price kind " + price.kind());
        };
    }

    private static int saturated(long tokens) {
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, tokens));
    }

    private static BigDecimal cents(double value) {
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP);
    }
}
