package com.vibrationfit.media.narration;

import com.vibrationfit.platform.media.MediaLinks;
import com.vibrationfit.platform.media.MediaUrls;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A track as the API returns it; {@code play_url} is a short-lived presigned GET once completed. */
public record AudioTrackView(
        UUID id,
        UUID visionId,

        @Schema(
                enumeration = {
                    "forward",
                    "fun",
                    "travel",
                    "home",
                    "family",
                    "romance",
                    "health",
                    "money",
                    "business",
                    "social",
                    "possessions",
                    "giving",
                    "spirituality",
                    "conclusion"
                })
        String sectionKey,

        @Schema(
                description = "hex SHA-256 of the narrated text, normalised",
                minLength = AudioTrack.CONTENT_HASH_LENGTH,
                maxLength = AudioTrack.CONTENT_HASH_LENGTH)
        String contentHash,

        @Schema(maxLength = AudioTrack.VOICE_ID_MAX_LENGTH) String voiceId,

        @Schema(enumeration = {AudioTrack.PENDING, AudioTrack.PROCESSING, AudioTrack.COMPLETED, AudioTrack.FAILED})
        String status,

        Integer durationSeconds,

        @Schema(description = "why the last attempt failed", maxLength = AudioTrack.ERROR_MESSAGE_MAX_LENGTH)
        String errorMessage,

        @Schema(description = "the media_url of the audio", maxLength = MediaUrls.MAX_LENGTH)
        String audioUrl,

        @Schema(
                description = "A short-lived presigned GET of the audio once completed; read the track again for a "
                        + "fresh one",
                maxLength = MediaLinks.MAX_LENGTH)
        String playUrl,

        boolean current,
        Instant createdAt,
        Instant updatedAt) {}
