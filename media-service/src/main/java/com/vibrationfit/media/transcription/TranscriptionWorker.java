package com.vibrationfit.media.transcription;

import com.vibrationfit.events.RecordingTranscribed;
import com.vibrationfit.media.events.MediaEvents;
import com.vibrationfit.media.objects.ObjectStorage;
import com.vibrationfit.media.spend.NarrationSpending;
import com.vibrationfit.media.spend.NotEnoughTokens;
import com.vibrationfit.platform.db.AfterCommit;
import com.vibrationfit.platform.inbox.DeletedMembers;
import com.vibrationfit.platform.jobs.JobWorkers;
import com.vibrationfit.platform.json.Texts;
import com.vibrationfit.platform.media.Recording;
import com.vibrationfit.platform.security.SystemContext;
import com.vibrationfit.platform.time.DatabaseClock;
import com.vibrationfit.platform.tracing.TraceContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Works through {@code transcriptions}: claims a due job, holds the member's tokens for the recording's estimated
 * minutes, reads the audio from S3 and sends it to the provider outside any transaction, then stores the transcript,
 * announces it ({@code media.recording.transcribed}) and records its usage in one transaction; the charge (the
 * minutes the provider measured) is captured after that commit, and rides in the usage event too. Like narration:
 * provider failures retry with backoff and then fail with the reason; a member who cannot pay fails at once without
 * a provider call; ai-usage-service being away postpones without spending an attempt; a deleted member's or object's
 * result is dropped and its hold released.
 */
@ApplicationScoped
public class TranscriptionWorker {

    private static final Logger LOG = Logger.getLogger(TranscriptionWorker.class);
    static final String ACTION = "audio_transcription";

    @Inject
    TranscriptionRepository transcriptions;

    @Inject
    Transcribers transcribers;

    @Inject
    TranscriptionConfig config;

    @Inject
    NarrationSpending spending;

    @Inject
    ObjectStorage storage;

    @Inject
    DeletedMembers deletedMembers;

    @Inject
    MediaEvents events;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    MeterRegistry metrics;

    @Inject
    Tracer tracer;

    @ConfigProperty(name = "vf.narration.enabled", defaultValue = "true")
    boolean enabled;

    private final JobWorkers workerThreads = new JobWorkers(
            "transcription-worker",
            this::processOne,
            () -> SystemContext.inNewTransaction("transcription wait", () -> transcriptions.nextDueIn()));

    void start(@Observes StartupEvent event) {
        if (enabled && transcribers.configured().isPresent()) {
            workerThreads.start(config.workers());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        workerThreads.stop();
    }

    public void wakeUpAfterCommit() {
        AfterCommit.run(transactions, workerThreads::wakeUp);
    }

    /** Claims and processes one job; false when none is due. */
    public boolean processOne() {
        Optional<Transcriber> transcriber = transcribers.configured();
        if (transcriber.isEmpty()) {
            return false;
        }
        Optional<TranscriptionRepository.Claim> claimed = SystemContext.inNewTransaction(
                "transcription claim", () -> transcriptions.claimNext(config.staleAfter()));
        if (claimed.isEmpty()) {
            return false;
        }
        TranscriptionRepository.Claim claim = claimed.get();
        // Joins the trace of the upload's confirmation that queued it.
        Span span = tracer.spanBuilder("transcribe " + claim.objectId())
                .setParent(TraceContext.ofTraceParent(claim.traceParent()))
                .setAttribute("vf.transcription.provider", transcriber.get().provider())
                .setAttribute("vf.transcription.attempt", claim.attempt())
                .startSpan();
        try (Scope scope = span.makeCurrent()) {
            transcribe(claim, transcriber.get());
        } finally {
            span.end();
        }
        return true;
    }

    private void transcribe(TranscriptionRepository.Claim claim, Transcriber transcriber) {
        String reservation;
        try {
            reservation = spending.reserve(claim.userId(), ACTION, holdFor(claim.sizeBytes()));
        } catch (NotEnoughTokens e) {
            end(claim, RecordingTranscribed.FAILED, e.getMessage()); // retrying cannot help until they have tokens
            return;
        } catch (RuntimeException e) {
            retry(claim, "AI token reservation unavailable: " + message(e), false);
            return;
        }
        Transcriber.Transcript transcript;
        try {
            Optional<byte[]> audio = storage.read(claim.s3Key());
            if (audio.isEmpty()) {
                spending.release(reservation);
                end(claim, RecordingTranscribed.UNAVAILABLE, "the recording was deleted");
                return;
            }
            metrics.counter("transcription.calls", "provider", transcriber.provider())
                    .increment();
            transcript = transcriber.transcribe(audio.get(), claim.contentType(), fileName(claim.s3Key()));
        } catch (RuntimeException e) {
            spending.release(reservation);
            retry(claim, message(e), true);
            return;
        }
        Map<String, Object> capture = captureOf(transcriber.model(), transcript.durationSeconds());
        boolean recorded = complete(claim, transcriber, transcript, reservation, capture);
        if (recorded) {
            spending.capture(reservation, capture);
        } else {
            spending.release(reservation); // dropped: it costs the member nothing
        }
    }

    /** What ai-usage-service charges a transcription by: the seconds of audio the provider measured. */
    static Map<String, Object> captureOf(String model, double seconds) {
        Map<String, Object> capture = new LinkedHashMap<>();
        capture.put("model_used", model);
        capture.put("audio_seconds", seconds);
        capture.put("success", true);
        return capture;
    }

    /** The hold: the recording's minutes at the assumed bit rate, at the per-minute price. */
    int holdFor(long sizeBytes) {
        return tokensFor(sizeBytes * 8.0 / config.holdBitsPerSecond(), config.tokensPerMinute());
    }

    /** Tokens for {@code seconds} of audio: per started second, at least 1 (the rule ai-usage-service prices by). */
    static int tokensFor(double seconds, int tokensPerMinute) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.ceil(seconds * tokensPerMinute / 60.0)));
    }

    private boolean complete(
            TranscriptionRepository.Claim claim,
            Transcriber transcriber,
            Transcriber.Transcript transcript,
            String reservation,
            Map<String, Object> capture) {
        String text = Texts.cut(transcript.text(), Recording.TRANSCRIPT_MAX_LENGTH);
        return SystemContext.inNewTransaction("transcription complete", () -> {
            if (deletedMembers.isDeleted(claim.userId())) {
                LOG.infof("member of recording %s was deleted meanwhile; dropping its transcript", claim.objectId());
                return false;
            }
            if (!transcriptions.complete(claim, text, transcript.language(), transcript.durationSeconds())) {
                LOG.infof(
                        "transcription of %s was taken over or its recording deleted; dropping this result",
                        claim.objectId());
                return false;
            }
            events.recordingTranscribed(new RecordingTranscribed(
                    claim.objectId(),
                    claim.userId(),
                    storage.mediaUrl(claim.s3Key()),
                    RecordingTranscribed.COMPLETED,
                    text,
                    transcript.language(),
                    transcript.durationSeconds(),
                    null,
                    DatabaseClock.now()));
            events.transcriptionUsage(
                    claim.userId(),
                    claim.objectId(),
                    transcriber.provider(),
                    transcriber.model(),
                    tokensFor(transcript.durationSeconds(), config.tokensPerMinute()),
                    BigDecimal.valueOf(transcript.durationSeconds() / 60.0 * config.costCentsPerMinute())
                            .setScale(4, RoundingMode.HALF_UP),
                    true,
                    null,
                    reservation,
                    capture);
            return true;
        });
    }

    private void retry(TranscriptionRepository.Claim claim, String reason, boolean spentAttempt) {
        if (spentAttempt && claim.attempt() >= config.maxAttempts()) {
            end(claim, RecordingTranscribed.FAILED, reason);
            return;
        }
        Duration backoff = spentAttempt
                ? config.initialBackoff().multipliedBy(1L << (claim.attempt() - 1))
                : config.initialBackoff();
        SystemContext.runInNewTransaction("transcription retry", () -> {
            if (transcriptions.retryAt(claim, Instant.now().plus(backoff), Texts.cut(reason, 2_000), spentAttempt)) {
                LOG.infof("transcription of %s waits %s: %s", claim.objectId(), backoff, reason);
            }
        });
    }

    private void end(TranscriptionRepository.Claim claim, String status, String reason) {
        String note = Texts.cut(reason, 2_000);
        SystemContext.runInNewTransaction("transcription end", () -> {
            if (!transcriptions.end(claim, status, note)) {
                return;
            }
            LOG.infof("transcription of %s %s: %s", claim.objectId(), status, note);
            events.recordingTranscribed(new RecordingTranscribed(
                    claim.objectId(),
                    claim.userId(),
                    storage.mediaUrl(claim.s3Key()),
                    status,
                    null,
                    null,
                    null,
                    note,
                    DatabaseClock.now()));
        });
    }

    private static String fileName(String key) {
        return key.substring(key.lastIndexOf('/') + 1);
    }

    private static String message(RuntimeException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
