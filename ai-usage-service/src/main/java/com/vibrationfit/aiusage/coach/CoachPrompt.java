package com.vibrationfit.aiusage.coach;

import com.vibrationfit.aiusage.member.MemberContext;
import java.util.List;

/**
 * Everything one reply is asked from: the system prompt (voice, mode, member brief, built from {@code context}), earlier
 * turns and the new message.
 */
public record CoachPrompt(CoachMode mode, String category, MemberContext context, String system, List<PromptTurn> history, String message) {

    /** The prompt's estimated size in tokens (what a reservation holds for the input). */
    public int estimatedInputTokens() {
        return TokenEstimate.ofMessage(system) + history.stream().mapToInt(PromptTurn::estimatedTokens).sum()
                + TokenEstimate.ofMessage(message);
    }
}
