package com.vibrationfit.aiusage.viva;

import com.vibrationfit.aiusage.member.MemberContext;
import java.util.List;

/** Builds a {@link CoachPrompt}: plain code, so what a model is told can be tested without a model. */
public final class CoachPrompts {

    private CoachPrompts() {}

    /** {@code earlierTurns} oldest first, without the new message; only the most recent that fit the budget are kept. */
    public static CoachPrompt build(
            CoachMode mode,
            String category,
            MemberContext context,
            List<PromptTurn> earlierTurns,
            String message,
            int historyBudgetTokens) {
        String system = SystemPrompts.forMode(mode) + "\n\n"
                + (category == null ? "" : "This conversation is about the area: " + category + ".\n\n")
                + MemberBrief.render(context, category);
        return new CoachPrompt(
                mode, category, context, system, HistoryWindow.fit(earlierTurns, historyBudgetTokens), message);
    }
}
