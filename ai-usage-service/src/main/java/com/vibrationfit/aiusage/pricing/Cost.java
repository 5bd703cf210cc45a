package com.vibrationfit.aiusage.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Tokens charged and the estimated cost in cents of one call, by the model's price. Counts are reported by callers:
 * sums and products saturate at {@link Integer#MAX_VALUE} instead of overflowing into a negative charge (a credit).
 */
public record Cost(int tokens, BigDecimal cents) {

    private static final BigDecimal SECONDS_PER_MINUTE = BigDecimal.valueOf(60);

    /**
     * What a call costs: text by {@code inputTokens} and {@code outputTokens}, speech by {@code characters}, images by
     * {@code images}, transcription by {@code audioSeconds} (finite; callers refuse anything else).
     */
    public static Cost of(
            PriceTable.Price price,
            int inputTokens,
            int outputTokens,
            int characters,
            int images,
            double audioSeconds) {
        return switch (price.kind()) {
            case "text" ->
                new Cost(
                        saturated((long) inputTokens + outputTokens),
                        cents(inputTokens / 1000.0 * price.inputCentsPer1kTokens()
                                + outputTokens / 1000.0 * price.outputCentsPer1kTokens()));
            case "speech" -> new Cost(characters, cents(characters / 1000.0 * price.centsPer1kCharacters()));
            case "image" ->
                new Cost(saturated((long) images * price.tokensPerImage()), cents(images * price.centsPerImage()));
            case "transcription" -> transcription(price, audioSeconds);
            default -> throw new IllegalStateException("unknown price kind " + price.kind());
        };
    }

    /**
     * Tokens: seconds x tokens-per-minute / 60, rounded up (at least 1 for any audio at a non-zero rate); cents:
     * seconds / 60 x cents-per-minute. In decimal, so 18.6 s x 100 / 60 is 31 tokens, not 32 by binary
     * rounding (31.000000000000004 in doubles).
     */
    private static Cost transcription(PriceTable.Price price, double audioSeconds) {
        if (!Double.isFinite(audioSeconds)) {
            throw new IllegalArgumentException("audio seconds must be finite: " + audioSeconds);
        }
        if (audioSeconds <= 0) {
            return new Cost(0, BigDecimal.ZERO.setScale(4));
        }
        BigDecimal seconds = BigDecimal.valueOf(audioSeconds);
        BigDecimal tokens = seconds.multiply(BigDecimal.valueOf(price.tokensPerMinute()))
                .divide(SECONDS_PER_MINUTE, 0, RoundingMode.CEILING);
        int charged = tokens.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) >= 0
                ? Integer.MAX_VALUE
                : saturated(tokens.longValue());
        if (charged == 0 && price.tokensPerMinute() > 0) {
            charged = 1;
        }
        BigDecimal cents = seconds.multiply(BigDecimal.valueOf(price.centsPerMinute()))
                .divide(SECONDS_PER_MINUTE, 4, RoundingMode.HALF_UP);
        return new Cost(charged, cents);
    }

    private static int saturated(long tokens) {
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, tokens));
    }

    private static BigDecimal cents(double value) {
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP);
    }
}
