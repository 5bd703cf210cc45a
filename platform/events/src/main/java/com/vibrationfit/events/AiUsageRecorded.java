package com.vibrationfit.events;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * {@code ai.usage.recorded} on {@code ai.usage}: one paid AI action, shaped like a row of
 * {@code token_usage} ({@code action_type} is one of its CHECK values; {@code cost_estimate} in cents).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AiUsageRecorded(
        UUID userId,
        String actionType,
        String modelUsed,
        int tokensUsed,
        int inputTokens,
        int outputTokens,
        BigDecimal costEstimate,
        boolean success,
        String errorMessage,
        Map<String, Object> metadata,
        Instant occurredAt) {}
