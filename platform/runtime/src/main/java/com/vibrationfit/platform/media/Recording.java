package com.vibrationfit.platform.media;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A voice or video recording with its transcript, in the shape the original Supabase schema documented for
 * the journal's {@code audio_recordings} and the profile's {@code story_recordings}:
 * {@code {url, transcript, type: audio|video, category, duration, created_at}}, plus where its machine transcript
 * stands ({@code transcript_status}, {@code transcript_note}): set by the service from media-service's
 * transcription ({@link KnownMedia#withTranscripts}), whatever a client sends in them.
 */
public record Recording(
        @NotBlank @Size(max = MediaUrls.MAX_LENGTH) String url,
        @Size(max = TRANSCRIPT_MAX_LENGTH) String transcript,
        @NotNull RecordingType type,
        @Size(max = CATEGORY_MAX_LENGTH) String category,
        @NotNull @PositiveOrZero Double duration,
        Instant createdAt,

        @Schema(
                description = "set by the service (see RecordingView); ignored in requests",
                readOnly = true,
                maxLength = 16)
        @Size(max = 16)
        String transcriptStatus,

        @Schema(description = "set by the service; ignored in requests", readOnly = true, maxLength = 2_000)
        @Size(max = 2_000)
        String transcriptNote) {

    /** The member wrote (or corrected) the transcript themselves. */
    public static final String PROVIDED = "provided";
    /** The upload's transcription has not ended yet. */
    public static final String PENDING = "pending";

    public Recording(
            String url, String transcript, RecordingType type, String category, Double duration, Instant createdAt) {
        this(url, transcript, type, category, duration, createdAt, null, null);
    }

    public static final int TRANSCRIPT_MAX_LENGTH = 100_000;
    public static final int CATEGORY_MAX_LENGTH = 50;

    /** This recording, dated {@code now} unless the client dated it. */
    public Recording withCreatedAtDefault(Instant now) {
        return createdAt != null
                ? this
                : new Recording(url, transcript, type, category, duration, now, transcriptStatus, transcriptNote);
    }

    /** This recording with its transcript and where it stands. */
    public Recording withTranscript(String text, String status, String note) {
        return new Recording(url, text, type, category, duration, createdAt, status, note);
    }
}
