package com.vibrationfit.events;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.UUID;

/** {@code audio.track.completed}: media-service finished narrating one section of a vision. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AudioTrackCompleted(
        UUID trackId,
        UUID userId,
        UUID visionId,
        String sectionKey,
        String contentHash,
        String voiceId,
        String audioUrl,
        Integer durationSeconds,
        Instant completedAt) {}
