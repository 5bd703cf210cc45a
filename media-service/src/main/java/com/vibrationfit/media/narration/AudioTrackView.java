package com.vibrationfit.media.narration;

import java.time.Instant;
import java.util.UUID;

/** A track as the API returns it; {@code play_url} is a short-lived presigned GET once completed. */
public record AudioTrackView(
        UUID id,
        UUID visionId,
        String sectionKey,
        String contentHash,
        String voiceId,
        String status,
        Integer durationSeconds,
        String errorMessage,
        String audioUrl,
        String playUrl,
        boolean current,
        Instant createdAt,
        Instant updatedAt) {}
