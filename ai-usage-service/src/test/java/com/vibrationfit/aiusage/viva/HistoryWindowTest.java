package com.vibrationfit.aiusage.viva;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HistoryWindowTest {

    private static List<PromptTurn> turns(int count, int characters) {
        return IntStream.range(0, count)
                .mapToObj(i -> new PromptTurn(
                        i % 2 == 0 ? PromptTurn.USER : PromptTurn.ASSISTANT,
                        String.format("%03d", i) + "x".repeat(characters - 3)))
                .toList();
    }

    @Test
    void shouldKeepTheMostRecentTurnsThatFitOldestFirst() {
        List<PromptTurn> thread = turns(50, 400); // 100 + 4 tokens each
        List<PromptTurn> window = HistoryWindow.fit(thread, 1000);
        assertEquals(9, window.size()); // 9 x 104 = 936 <= 1000 < 1040
        assertEquals(thread.get(41), window.get(0));
        assertEquals(thread.get(49), window.get(8));
        assertTrue(window.stream().mapToInt(PromptTurn::estimatedTokens).sum() <= 1000);
    }

    @Test
    void shouldNotSkipALongTurnToReachOlderShortOnes() {
        List<PromptTurn> thread = List.of(
                new PromptTurn("user", "short"),
                new PromptTurn("assistant", "y".repeat(4000)),
                new PromptTurn("user", "latest"));
        assertEquals(List.of(thread.get(2)), HistoryWindow.fit(thread, 200));
    }

    @Test
    void shouldKeepEverythingWithinBudgetAndNothingWithoutOne() {
        List<PromptTurn> thread = turns(4, 40);
        assertEquals(thread, HistoryWindow.fit(thread, 10_000));
        assertEquals(List.of(), HistoryWindow.fit(thread, 0));
        assertEquals(List.of(), HistoryWindow.fit(List.of(), 100));
    }
}
