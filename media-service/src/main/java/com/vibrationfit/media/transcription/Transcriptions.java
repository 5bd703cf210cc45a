package com.vibrationfit.media.transcription;

import com.vibrationfit.events.RecordingTranscribed;
import com.vibrationfit.media.events.MediaEvents;
import com.vibrationfit.media.objects.MediaObject;
import com.vibrationfit.media.objects.UploadConfirmed;
import com.vibrationfit.media.objects.UploadPurpose;
import com.vibrationfit.platform.time.DatabaseClock;
import com.vibrationfit.platform.tracing.TraceContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Which uploads are transcribed, decided in the transaction that confirms the upload: a journal voice note, a
 * journal video or a profile story recording gets a row; audio within the provider's size is queued for the
 * workers, anything else is settled at once as {@code unavailable} with the reason (and announced, so the journal
 * and the profile show it instead of waiting for a transcript that will never come).
 */
@ApplicationScoped
public class Transcriptions {

    static final Set<UploadPurpose> RECORDINGS =
            Set.of(UploadPurpose.JOURNAL_AUDIO, UploadPurpose.JOURNAL_VIDEO, UploadPurpose.STORY_RECORDING);

    @Inject
    TranscriptionConfig config;

    @Inject
    Transcribers transcribers;

    @Inject
    TranscriptionRepository transcriptions;

    @Inject
    MediaEvents events;

    @Inject
    TranscriptionWorker worker;

    /** Once, as an upload is confirmed, in the confirming transaction. */
    void uploaded(@Observes UploadConfirmed confirmed) {
        MediaObject object = confirmed.object();
        String mediaUrl = confirmed.mediaUrl();
        if (!RECORDINGS.contains(UploadPurpose.of(object.purpose))) {
            return;
        }
        Optional<String> unavailable = whyNotTranscribed(object.contentType, object.sizeBytes);
        if (unavailable.isEmpty()) {
            transcriptions.insert(
                    object.id, object.userId, TranscriptionRepository.PENDING, null, TraceContext.currentTraceParent());
            worker.wakeUpAfterCommit();
            return;
        }
        transcriptions.insert(object.id, object.userId, TranscriptionRepository.UNAVAILABLE, unavailable.get(), null);
        events.recordingTranscribed(new RecordingTranscribed(
                object.id,
                object.userId,
                mediaUrl,
                RecordingTranscribed.UNAVAILABLE,
                null,
                null,
                null,
                unavailable.get(),
                DatabaseClock.now()));
    }

    /** Why a recording will not be transcribed; empty when it will. */
    Optional<String> whyNotTranscribed(String contentType, long sizeBytes) {
        if (transcribers.configured().isEmpty()) {
            return Optional.of("no transcription service is set up on this server");
        }
        if (!contentType.startsWith("audio/")) {
            return Optional.of("video recordings are not transcribed; record a voice note for a transcript");
        }
        if (sizeBytes > config.maxBytes()) {
            return Optional.of(
                    "longer than the transcription service takes (" + config.maxBytes() / 1_000_000 + " MB at most)");
        }
        return Optional.empty();
    }

    /** The transcription of one of the member's objects (row-level security hides another member's). */
    @Transactional
    public Optional<TranscriptView> of(UUID objectId) {
        return transcriptions.find(objectId);
    }
}
