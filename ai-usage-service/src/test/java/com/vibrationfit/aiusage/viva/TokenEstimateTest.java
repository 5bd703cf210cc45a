package com.vibrationfit.aiusage.viva;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TokenEstimateTest {

    @Test
    void shouldBoundEmojiAndCjkTextByItsUtf8Bytes() {
        String emoji = "\uD83D\uDE00".repeat(100); // 100 emoji: 200 chars, 400 bytes, up to ~300 provider tokens
        String cjk = "\u6211\u7231\u751F\u6D3B".repeat(50); // 200 CJK characters: 600 bytes
        assertEquals(50, TokenEstimate.of(emoji), "the estimate undercounts such text");
        assertEquals(400, TokenEstimate.atMost(emoji));
        assertEquals(600, TokenEstimate.atMost(cjk));
        assertEquals(604, TokenEstimate.atMostOfMessage(cjk));
        assertTrue(TokenEstimate.atMost("plain words") >= TokenEstimate.of("plain words"));
    }
}
