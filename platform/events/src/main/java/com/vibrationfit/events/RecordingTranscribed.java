package com.vibrationfit.events;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code media.recording.transcribed} on {@code media.events}: the transcription of an uploaded recording reached
 * its end. {@code status} is {@code completed} ({@code transcript} holds the text), {@code unavailable} (it never
 * will be: no provider configured, a video, too long) or {@code failed} (the provider failed past the retries, or
 * the member's tokens could not pay); {@code note} says why there is no transcript.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RecordingTranscribed(
        UUID objectId,
        UUID userId,
        String mediaUrl,
        String status,
        String transcript,
        String language,
        Double durationSeconds,
        String note,
        Instant transcribedAt) {

    public static final String COMPLETED = "completed";
    public static final String UNAVAILABLE = "unavailable";
    public static final String FAILED = "failed";
}
