package com.vibrationfit.media.spend;

/** ai-usage-service refused a reservation (402): the member's balance cannot pay for the narration. */
public class NotEnoughTokens extends RuntimeException {

    public NotEnoughTokens(int remaining, int required) {
        super("not enough AI tokens to narrate this section: it needs " + required + " and " + remaining + " remain");
    }
}
