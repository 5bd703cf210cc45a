package com.vibrationfit.aiusage.balance;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A row of {@code token_usage} as the API returns it. */
@Schema(name = "TokenUsage")
public record UsageView(
        UUID id,
        UUID userId,
        String actionType,
        String modelUsed,
        int tokensUsed,
        Integer inputTokens,
        Integer outputTokens,
        BigDecimal costEstimate,
        boolean success,
        String errorMessage,
        JsonNode metadata,
        Instant createdAt) {}
