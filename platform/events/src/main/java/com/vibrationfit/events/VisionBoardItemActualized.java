package com.vibrationfit.events;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@code vision-board.item.actualized}: something pinned on the vision board came true. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record VisionBoardItemActualized(
        UUID itemId, UUID userId, String name, List<String> categories, Instant actualizedAt) {}
