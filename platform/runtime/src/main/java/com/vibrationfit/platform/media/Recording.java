package com.vibrationfit.platform.media;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * A voice or video recording with its transcript, in the shape the original Supabase schema documented for
 * the journal's {@code audio_recordings} and the profile's {@code story_recordings}:
 * {@code {url, transcript, type: audio|video, category, duration, created_at}}.
 */
public record Recording(
        @NotBlank @Size(max = MediaUrls.MAX_LENGTH) String url,
        @Size(max = TRANSCRIPT_MAX_LENGTH) String transcript,
        @NotNull RecordingType type,
        @Size(max = CATEGORY_MAX_LENGTH) String category,
        @NotNull @PositiveOrZero Double duration,
        Instant createdAt) {

    public static final int TRANSCRIPT_MAX_LENGTH = 100_000;
    public static final int CATEGORY_MAX_LENGTH = 50;

    /** This recording, dated {@code now} unless the client dated it. */
    public Recording withCreatedAtDefault(Instant now) {
        return createdAt != null ? this : new Recording(url, transcript, type, category, duration, now);
    }
}
