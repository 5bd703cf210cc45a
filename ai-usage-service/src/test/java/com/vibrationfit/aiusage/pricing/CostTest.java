package com.vibrationfit.aiusage.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CostTest {

    private static PriceTable.Price price(
            String kind, double in, double out, double chars, double image, int tokensPerImage) {
        return price(kind, in, out, chars, image, tokensPerImage, 0, 100);
    }

    private static PriceTable.Price transcription(double centsPerMinute, int tokensPerMinute) {
        return price("transcription", 0, 0, 0, 0, 1000, centsPerMinute, tokensPerMinute);
    }

    private static PriceTable.Price price(
            String kind,
            double in,
            double out,
            double chars,
            double image,
            int tokensPerImage,
            double perMinute,
            int tokensPerMinute) {
        return new PriceTable.Price() {
            public String kind() {
                return kind;
            }

            public double inputCentsPer1kTokens() {
                return in;
            }

            public double outputCentsPer1kTokens() {
                return out;
            }

            public double centsPer1kCharacters() {
                return chars;
            }

            public double centsPerImage() {
                return image;
            }

            public int tokensPerImage() {
                return tokensPerImage;
            }

            public double centsPerMinute() {
                return perMinute;
            }

            public int tokensPerMinute() {
                return tokensPerMinute;
            }
        };
    }

    @Test
    void shouldPriceTextByInputAndOutputTokens() {
        Cost cost = Cost.of(price("text", 0.25, 1.0, 0, 0, 0), 1200, 300, 0, 0, 0);
        assertEquals(1500, cost.tokens());
        assertEquals(new BigDecimal("0.6000"), cost.cents()); // 1.2 x 0.25 + 0.3 x 1.0
    }

    @Test
    void shouldPriceSpeechByCharactersAndImagesEach() {
        Cost speech = Cost.of(price("speech", 0, 0, 30, 0, 0), 0, 0, 250, 0, 0);
        assertEquals(250, speech.tokens());
        assertEquals(new BigDecimal("7.5000"), speech.cents());
        Cost images = Cost.of(price("image", 0, 0, 0, 4, 1000), 0, 0, 0, 2, 0);
        assertEquals(2000, images.tokens());
        assertEquals(new BigDecimal("8.0000"), images.cents());
    }

    @Test
    void shouldPriceTranscriptionByMinutesOfAudioRoundedUp() {
        Cost minute = Cost.of(transcription(0.6, 100), 0, 0, 0, 0, 61);
        assertEquals(102, minute.tokens()); // 61 s x 100 / 60 = 101.67, rounded up
        assertEquals(new BigDecimal("0.6100"), minute.cents()); // 61 / 60 x 0.6
        Cost glimpse = Cost.of(transcription(0.6, 100), 0, 0, 0, 0, 0.4);
        assertEquals(1, glimpse.tokens()); // any audio costs at least a token
        assertEquals(new BigDecimal("0.0040"), glimpse.cents());
        Cost ninety = Cost.of(transcription(0.3, 100), 0, 0, 0, 0, 90);
        assertEquals(150, ninety.tokens());
        assertEquals(new BigDecimal("0.4500"), ninety.cents());
        // Decimal, not binary: 18.6 s x 100 / 60 is exactly 31 tokens (31.000000000000004 in doubles, rounded up 32).
        assertEquals(31, Cost.of(transcription(0.6, 100), 0, 0, 0, 0, 18.6).tokens());
        Cost none = Cost.of(transcription(0.6, 100), 0, 0, 0, 0, 0);
        assertEquals(0, none.tokens());
        assertEquals(new BigDecimal("0.0000"), none.cents());
    }

    @Test
    void shouldSaturateTranscriptionTokensInsteadOfOverflowing() {
        assertEquals(
                Integer.MAX_VALUE,
                Cost.of(transcription(0, 100), 0, 0, 0, 0, 1e15).tokens());
        assertEquals(
                Integer.MAX_VALUE,
                Cost.of(transcription(0, Integer.MAX_VALUE), 0, 0, 0, 0, 61).tokens());
    }
}
