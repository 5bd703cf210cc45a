package com.vibrationfit.platform.media;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A {@link Recording} as responses show it: the stored fields, and beside {@code url} its {@code link} (see
 * {@link MediaLinks}). Requests and storage keep {@link Recording}, which has no link.
 */
@Schema(
        name = "RecordingView",
        description = "A recording as the API returns it: the stored fields and the link of its url")
public record RecordingView(
        @Schema(
                description = "the media_url of the uploaded recording (what you store and send back)",
                maxLength = MediaUrls.MAX_LENGTH)
        String url,

        @Schema(description = "Link of url. " + MediaLinks.ABOUT_LINKS, maxLength = MediaLinks.MAX_LENGTH)
        String link,

        @Schema(maxLength = Recording.TRANSCRIPT_MAX_LENGTH) String transcript,
        RecordingType type,
        @Schema(maxLength = Recording.CATEGORY_MAX_LENGTH) String category,
        Double duration,
        Instant createdAt,

        @Schema(
                description = "Where the machine transcript stands: pending (being transcribed), completed (transcript"
                        + " is the machine's), provided (you wrote the transcript), unavailable (never will be, see"
                        + " transcript_note), failed (see transcript_note); absent for recordings from before"
                        + " transcription. Set by the service; what a client sends here is ignored.",
                enumeration = {"pending", "completed", "provided", "unavailable", "failed"},
                nullable = true,
                readOnly = true)
        String transcriptStatus,

        @Schema(description = "Why there is no transcript (yet)", maxLength = 2_000, nullable = true, readOnly = true)
        String transcriptNote) {

    public static RecordingView of(Recording recording, String link) {
        return new RecordingView(
                recording.url(),
                link,
                recording.transcript(),
                recording.type(),
                recording.category(),
                recording.duration(),
                recording.createdAt(),
                recording.transcriptStatus(),
                recording.transcriptNote());
    }
}
