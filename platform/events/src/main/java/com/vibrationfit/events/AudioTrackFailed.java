package com.vibrationfit.events;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.UUID;

/** {@code audio.track.failed}: narration of one section gave up after its retries. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AudioTrackFailed(
        UUID trackId,
        UUID userId,
        UUID visionId,
        String sectionKey,
        String contentHash,
        String errorMessage,
        Instant failedAt) {}
