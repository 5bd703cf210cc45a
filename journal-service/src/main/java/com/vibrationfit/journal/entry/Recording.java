package com.vibrationfit.journal.entry;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * One element of {@code audio_recordings}, as the seed documents it:
 * {@code {url, transcript, type: audio|video, category, duration, created_at}}.
 */
public record Recording(
        @NotBlank @Size(max = 2048) String url,
        @Size(max = 100_000) String transcript,
        @NotNull RecordingType type,
        @Size(max = 50) String category,
        @NotNull @PositiveOrZero Double duration,
        Instant createdAt) {

    /** Recordings one entry holds at most, on create, edit and append alike. */
    public static final int MAX_PER_ENTRY = 20;

    Recording withCreatedAtDefault(Instant now) {
        return createdAt != null ? this : new Recording(url, transcript, type, category, duration, now);
    }
}
