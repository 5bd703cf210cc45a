package com.vibrationfit.media.transcription;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where the transcription of an uploaded recording stands. */
@Schema(
        name = "Transcript",
        description = "The transcription of a voice recording (journal_audio, journal_video, story_recording)")
public record TranscriptView(
        @Schema(
                enumeration = {
                    TranscriptionRepository.PENDING,
                    TranscriptionRepository.COMPLETED,
                    TranscriptionRepository.UNAVAILABLE,
                    TranscriptionRepository.FAILED
                },
                description = "pending: queued or being transcribed; completed: text holds the transcript; unavailable:"
                        + " it never will be (no transcription service set up, a video, too long); failed: the"
                        + " provider failed past the retries, or your tokens could not pay for it (note says which)")
        String status,

        @Schema(nullable = true, maxLength = 100_000) String text,

        @Schema(nullable = true, maxLength = 16, description = "the language the provider heard")
        String language,

        @Schema(nullable = true, description = "seconds of audio, what the transcription was charged by")
        Double durationSeconds,

        @Schema(nullable = true, maxLength = 2_000, description = "why there is no transcript (yet)")
        String note,

        Instant updatedAt) {}
