package com.vibrationfit.aiusage.viva;

import java.util.Map;
import java.util.UUID;

/**
 * A member's message, stored and paid for (held), whose reply has not been written yet: the prompt it will be
 * asked with, the reservation ({@code null} for the offline coach), what the reply is grounded in and the id its
 * reply will be stored under, and the {@code action_type} its usage is recorded under.
 */
public record CoachTurn(
        UUID userId,
        UUID conversationId,
        MessageView userMessage,
        CoachPrompt prompt,
        UUID reservationId,
        int estimatedTokens,
        Map<String, Object> grounding,
        UUID replyId,
        String actionType) {}
