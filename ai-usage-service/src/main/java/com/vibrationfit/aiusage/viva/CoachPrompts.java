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

    /**
     * A turn asking VIVA to write the {@code section} of the member's vision: the thread's voice, mode and history,
     * plus the task, the section's current text and the rule that the answer is the section's text alone (what the
     * member may accept into their draft).
     */
    public static CoachPrompt proposal(
            CoachMode mode,
            String section,
            MemberContext context,
            List<PromptTurn> earlierTurns,
            String message,
            int historyBudgetTokens) {
        String system = SystemPrompts.forMode(mode) + "\n\n"
                + SystemPrompts.proposal(
                        section,
                        context.vision().flatMap(v -> v.section(section)).orElse(null))
                + "\n\n"
                + MemberBrief.render(context, section);
        return new CoachPrompt(
                mode, section, context, system, HistoryWindow.fit(earlierTurns, historyBudgetTokens), message, section);
    }
}
