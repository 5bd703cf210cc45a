package com.vibrationfit.aiusage.viva;

import com.vibrationfit.aiusage.member.MemberContext;
import java.util.List;

/**
 * Everything one reply is asked from: the system prompt (voice, mode, member brief, built from {@code context}), earlier
 * turns and the new message.
 */
public record CoachPrompt(
        CoachMode mode,
        String category,
        MemberContext context,
        String system,
        List<PromptTurn> history,
        String message) {

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
