package com.vibrationfit.media.events;

import com.vibrationfit.events.AiUsageRecorded;
import com.vibrationfit.events.AudioTrackCompleted;
import com.vibrationfit.events.AudioTrackFailed;
import com.vibrationfit.events.EventType;
import com.vibrationfit.events.MediaObjectDeleted;
import com.vibrationfit.events.MediaObjectUploaded;
import com.vibrationfit.events.RecordingTranscribed;
import com.vibrationfit.events.Topics;
import com.vibrationfit.media.narration.AudioTrack;
import com.vibrationfit.media.objects.MediaObject;
import com.vibrationfit.media.spend.NarrationSpending;
import com.vibrationfit.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** What media-service tells the platform, recorded in the outbox of the transaction that decided it. */
@ApplicationScoped
public class MediaEvents {

    @Inject
    Outbox outbox;

    public void objectUploaded(MediaObject object, String mediaUrl) {
        outbox.record(
                Topics.MEDIA,
                EventType.MEDIA_OBJECT_UPLOADED,
                object.userId,
                new MediaObjectUploaded(
                        object.id,
                        object.userId,
                        object.s3Key,
                        mediaUrl,
                        object.purpose,
                        object.contentType,
                        object.sizeBytes,
                        object.uploadedAt));
    }

    public void objectDeleted(MediaObject object, String mediaUrl) {
        outbox.record(
                Topics.MEDIA,
                EventType.MEDIA_OBJECT_DELETED,
                object.userId,
                new MediaObjectDeleted(object.id, object.userId, object.s3Key, mediaUrl));
    }

    public void trackCompleted(AudioTrack track, Instant at) {
        outbox.record(
                Topics.MEDIA,
                EventType.AUDIO_TRACK_COMPLETED,
                track.userId,
                new AudioTrackCompleted(
                        track.id,
                        track.userId,
                        track.visionId,
                        track.sectionKey,
                        track.contentHash,
                        track.voiceId,
                        track.audioUrl,
                        track.durationSeconds,
                        at));
    }

    public void trackFailed(AudioTrack track, Instant at) {
        outbox.record(
                Topics.MEDIA,
                EventType.AUDIO_TRACK_FAILED,
                track.userId,
                new AudioTrackFailed(
                        track.id,
                        track.userId,
                        track.visionId,
                        track.sectionKey,
                        track.contentHash,
                        track.errorMessage,
                        at));
    }

    /** The transcription of an uploaded recording ended (completed, unavailable or failed). */
    public void recordingTranscribed(RecordingTranscribed transcribed) {
        outbox.record(Topics.MEDIA, EventType.MEDIA_RECORDING_TRANSCRIBED, transcribed.userId(), transcribed);
    }

    /**
     * A transcription is billed per minute of audio ({@code audio_transcription}); {@code capture} is what
     * ai-usage-service charges from when the HTTP capture never reached it (null for a failure: nothing charged).
     */
    public void transcriptionUsage(
            UUID userId,
            UUID objectId,
            String provider,
            String model,
            int tokens,
            BigDecimal costCents,
            boolean success,
            String error,
            String reservation,
            Map<String, Object> capture) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("object_id", objectId.toString());
        if (reservation != null) {
            metadata.put("reservation_id", reservation);
            if (capture != null) {
                metadata.put("capture", capture);
            }
        }
        outbox.record(
                Topics.AI_USAGE,
                EventType.AI_USAGE_RECORDED,
                userId,
                new AiUsageRecorded(
                        userId,
                        "audio_transcription",
                        provider + ":" + model,
                        success ? tokens : 0,
                        success ? tokens : 0,
                        0,
                        success ? costCents : BigDecimal.ZERO.setScale(4),
                        success,
                        error,
                        metadata,
                        Instant.now()));
    }

    /** Narration is billed per character: characters are reported as tokens. */
    public void narrationUsage(
            AudioTrack track,
            String provider,
            String model,
            boolean success,
            String error,
            double centsPer1000Characters,
            String reservation) {
        int characters = track.textContent.length();
        BigDecimal cost = success
                ? BigDecimal.valueOf(centsPer1000Characters * characters / 1000.0)
                        .setScale(4, RoundingMode.HALF_UP)
                : BigDecimal.ZERO.setScale(4);
        outbox.record(
                Topics.AI_USAGE,
                EventType.AI_USAGE_RECORDED,
                track.userId,
                new AiUsageRecorded(
                        track.userId,
                        "audio_generation",
                        provider + ":" + model + ":" + track.voiceId,
                        characters,
                        characters,
                        0,
                        cost,
                        success,
                        error,
                        metadata(track, reservation, model, characters),
                        Instant.now()));
    }

    /**
     * What the usage is about. A paid call names its reservation and carries its capture, so ai-usage-service
     * neither counts it twice nor loses the charge when the HTTP capture never reached it.
     */
    private static Map<String, Object> metadata(AudioTrack track, String reservation, String model, int characters) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("track_id", track.id.toString());
        metadata.put("vision_id", track.visionId.toString());
        metadata.put("section_key", track.sectionKey);
        if (reservation != null) {
            metadata.put("reservation_id", reservation);
            metadata.put("capture", NarrationSpending.captureOf(model, characters));
        }
        return metadata;
    }
}
