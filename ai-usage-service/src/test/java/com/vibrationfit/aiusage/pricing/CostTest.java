package com.vibrationfit.aiusage.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CostTest {

    private static PriceTable.Price price(
            String kind, double in, double out, double chars, double image, int tokensPerImage) {
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
        };
    }

    @Test
    void shouldPriceTextByInputAndOutputTokens() {
        Cost cost = Cost.of(price("text", 0.25, 1.0, 0, 0, 0), 1200, 300, 0, 0);
        assertEquals(1500, cost.tokens());
        assertEquals(new BigDecimal("0.6000"), cost.cents()); // 1.2 x 0.25 + 0.3 x 1.0
    }

    @Test
    void shouldPriceSpeechByCharactersAndImagesEach() {
        Cost speech = Cost.of(price("speech", 0, 0, 30, 0, 0), 0, 0, 250, 0);
        assertEquals(250, speech.tokens());
        assertEquals(new BigDecimal("7.5000"), speech.cents());
        Cost images = Cost.of(price("image", 0, 0, 0, 4, 1000), 0, 0, 0, 2);
        assertEquals(2000, images.tokens());
        assertEquals(new BigDecimal("8.0000"), images.cents());
    }
}
