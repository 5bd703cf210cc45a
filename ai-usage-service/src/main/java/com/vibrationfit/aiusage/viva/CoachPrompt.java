package com.vibrationfit.aiusage.viva;

import com.vibrationfit.aiusage.member.MemberContext;
import java.util.List;

/**
 * Everything one reply is asked from: the system prompt (voice, mode, member brief, built from {@code context}), earlier
 * turns and the new message; {@code proposalSection} when the member asked VIVA to write one section of their vision.
 */
public record CoachPrompt(
        CoachMode mode,
        String category,
        MemberContext context,
        String system,
        List<PromptTurn> history,
        String message,
        String proposalSection) {

    /** A chat turn (no section proposal asked). */
    public CoachPrompt(
            CoachMode mode,
            String category,
            MemberContext context,
            String system,
            List<PromptTurn> history,
            String message) {
        this(mode, category, context, system, history, message, null);
    }

    /** Whether this turn asks for the text of one vision section rather than a conversational reply. */
    public boolean proposal() {
        return proposalSection != null;
    }

    /** The prompt's estimated size in tokens (charged when a provider reports no usage). */
    public int estimatedInputTokens() {
        return TokenEstimate.ofMessage(system)
                + history.stream().mapToInt(PromptTurn::estimatedTokens).sum()
                + TokenEstimate.ofMessage(message);
    }

    /** The most tokens the provider can count for this prompt (what a reservation holds for the input). */
    public int inputTokensAtMost() {
        return TokenEstimate.atMostOfMessage(system)
                + history.stream()
                        .mapToInt(t -> TokenEstimate.atMostOfMessage(t.text()))
                        .sum()
                + TokenEstimate.atMostOfMessage(message);
    }
}
