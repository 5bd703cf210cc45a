package com.vibrationfit.aiusage.viva;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Which earlier turns a prompt carries: the most recent ones whose estimated tokens fit the budget, oldest first.
 * The window never skips a turn to fit an older one, so the conversation the model sees has no holes. (The
 * product this replaces sent the first twenty messages, which loses exactly the part a member is talking about.)
 */
public final class HistoryWindow {

    private HistoryWindow() {}

    /** {@code turns} oldest first; the result is the longest suffix within {@code budgetTokens}. */
    public static List<PromptTurn> fit(List<PromptTurn> turns, int budgetTokens) {
        List<PromptTurn> kept = new ArrayList<>();
        int used = 0;
        for (int i = turns.size() - 1; i >= 0; i--) {
            int cost = turns.get(i).estimatedTokens();
            if (used + cost > budgetTokens) {
                break;
            }
            used += cost;
            kept.add(turns.get(i));
        }
        Collections.reverse(kept);
        return kept;
    }
}
