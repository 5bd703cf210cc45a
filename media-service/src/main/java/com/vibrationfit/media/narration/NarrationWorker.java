package com.vibrationfit.media.narration;

import com.vibrationfit.media.events.MediaEvents;
import com.vibrationfit.media.objects.ObjectStorage;
import com.vibrationfit.media.speech.NarrationConfig;
import com.vibrationfit.media.speech.Speech;
import com.vibrationfit.media.speech.SpeechSynthesizer;
import com.vibrationfit.media.spend.NarrationSpending;
import com.vibrationfit.media.spend.NotEnoughTokens;
import com.vibrationfit.platform.db.AfterCommit;
import com.vibrationfit.platform.inbox.DeletedMembers;
import com.vibrationfit.platform.jobs.JobWorkers;
import com.vibrationfit.platform.json.Texts;
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
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Works through {@code narration_jobs}: claims a due job (or one whose worker died), synthesises the
 * text outside any transaction, stores the MP3 in S3, then completes the track and records its events
 * in one transaction. Failures retry with exponential backoff up to the configured attempts, then the
 * track is {@code failed} with the reason. Claims are rows locked with SKIP LOCKED, so any number of
 * workers and replicas never synthesise the same track at once.
 */
@ApplicationScoped
public class NarrationWorker {

    private static final Logger LOG = Logger.getLogger(NarrationWorker.class);

    @Inject
    Tracer tracer;

    @Inject
    NarrationRepository tracks;

    @Inject
    SpeechSynthesizer synthesizer;

    @Inject
    NarrationSpending spending;

    @Inject
    ObjectStorage storage;

    @Inject
    DeletedMembers deletedMembers;

    @Inject
    MediaEvents events;

    @Inject
    NarrationConfig config;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    MeterRegistry metrics;

    @ConfigProperty(name = "vf.narration.workers", defaultValue = "2")
    int workers;

    @ConfigProperty(name = "vf.narration.enabled", defaultValue = "true")
    boolean enabled;

    private final JobWorkers workerThreads = new JobWorkers(
            "narration-worker",
            this::processOne,
            () -> SystemContext.inNewTransaction("narration wait", () -> tracks.nextDueIn()));

    void start(@Observes StartupEvent event) {
        if (enabled) {
            workerThreads.start(workers);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        workerThreads.stop();
    }

    /** Lets workers start right after the current transaction commits the jobs it queued. */
    public void wakeUpAfterCommit() {
        AfterCommit.run(transactions, workerThreads::wakeUp);
    }

    /** Claims and processes one job; false when none is due. Visible for tests. */
    public boolean processOne() {
        Optional<Work> work = SystemContext.inNewTransaction(
                "narration claim",
                () -> tracks.claimNext(config.staleAfter())
                        .flatMap(claim -> tracks.findByIdOptional(claim.trackId())
                                .map(track -> {
                                    Work claimed = new Work(
                                            claim,
                                            track.userId,
                                            track.textContent,
                                            track.contentHash,
                                            track.voiceId,
                                            NarrationPlanner.keyOf(
                                                    track.userId,
                                                    track.visionId,
                                                    track.sectionKey,
                                                    track.contentHash,
                                                    claim.token()));
                                    if (!AudioTrack.COMPLETED.equals(track.status) && tracks.isStale(track)) {
                                        // Edited again since it was queued: the newer text has its own job.
                                        tracks.dropUnnarrated(track.id);
                                        return claimed.dropped();
                                    }
                                    track.status = AudioTrack.PROCESSING;
                                    track.updatedAt = DatabaseClock.now();
                                    return claimed;
                                })));
        if (work.isEmpty()) {
            return false;
        }
        Work job = work.get();
        if (job.stale()) {
            metrics.counter("narration.dropped").increment();
            return true;
        }
        // The synthesis joins the trace of the edit that queued it (stored with the job): one trace from the
        // member's request through vision-service, Kafka and this consumer to the provider call.
        Span span = tracer.spanBuilder("narrate " + job.claim().trackId().toString())
                .setParent(TraceContext.ofTraceParent(job.claim().traceParent()))
                .setAttribute("vf.narration.provider", synthesizer.provider())
                .setAttribute("vf.narration.attempt", job.claim().attempt())
                .startSpan();
        try (Scope scope = span.makeCurrent()) {
            return narrate(job);
        } finally {
            span.end();
        }
    }

    private boolean narrate(Work job) {
        // The member's own audio of this very text in this voice (another version, another section) is copied,
        // not synthesised again: narration is paid once per text.
        Optional<NarrationRepository.ReusableAudio> made = job.claim().reuseAllowed()
                ? SystemContext.inNewTransaction(
                        "narration reuse",
                        () -> tracks.reusableAudio(
                                job.userId(),
                                job.contentHash(),
                                job.voice(),
                                job.claim().trackId()))
                : Optional.empty();
        if (made.isPresent()) {
            try {
                if (storage.copy(made.get().s3Key(), job.key())) {
                    metrics.counter("narration.reuses").increment();
                    Integer seconds = made.get().durationSeconds();
                    complete(job, seconds == null ? 1 : seconds, null, false);
                    return true;
                }
                // Its audio went meanwhile (that vision deleted): synthesise after all.
            } catch (RuntimeException e) {
                fail(job, "copying this text's audio: " + message(e), false);
                return true;
            }
        }
        String reservation = null;
        if (!synthesizer.free()) {
            // Paid: hold the member's tokens before the provider is called (outside any transaction).
            try {
                reservation = spending.reserve(job.userId(), job.text().length());
            } catch (NotEnoughTokens e) {
                fail(job, e.getMessage(), true); // retrying cannot help until the member has tokens again
                return true;
            } catch (RuntimeException e) {
                // ai-usage-service away (or its answer lost): nothing was spent, so no attempt is; the job waits.
                postpone(job, "AI token reservation unavailable: " + message(e));
                return true;
            }
        }
        Speech speech;
        try {
            // Counted per provider call: ./vf bench reads it to prove unchanged texts cost nothing.
            metrics.counter("narration.syntheses", "provider", synthesizer.provider())
                    .increment();
            speech = synthesizer.synthesize(job.text(), job.voice());
            storage.put(job.key(), "audio/mpeg", speech.mp3());
        } catch (RuntimeException e) {
            if (reservation != null) {
                spending.release(reservation);
            }
            fail(job, message(e), false);
            return true;
        }
        // The result and its charge commit together (the capture rides in the usage event of this commit), then
        // the charge is also sent at once. Capturing before the commit would charge twice when the commit failed
        // (PostgreSQL away) and the job ran again; if this commit fails, nothing is released either: the hold
        // lapses by itself, and the job, claimed again once stale, reserves anew.
        boolean recorded = complete(job, speech.durationSeconds(), reservation, true);
        if (reservation != null) {
            if (recorded) {
                spending.capture(reservation, synthesizer.model(), job.text().length());
            } else {
                spending.release(reservation); // another claim's result stands; this one costs the member nothing
            }
        }
        return true;
    }

    private static String message(RuntimeException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /**
     * Records the result if this claim is still the job's current one (true if it was). The audio was written under a key
     * of this claim, so a worker whose claim was taken over never overwrites the audio the track points
     * at; whichever audio is not (or no longer) the track's is deleted after the commit.
     */
    private boolean complete(Work job, double durationSeconds, String reservation, boolean synthesised) {
        boolean[] recorded = {false};
        String unused = SystemContext.inNewTransaction("narration complete", () -> {
            if (deletedMembers.isDeleted(job.userId())) {
                // Purged while the audio was made: it goes (the purge's sweep may have run before it was written).
                LOG.infof(
                        "member of track %s was deleted meanwhile; dropping this result",
                        job.claim().trackId());
                return job.key();
            }
            if (!tracks.finishJob(job.claim())) {
                LOG.infof(
                        "track %s was taken over by another worker or queued again; dropping this result",
                        job.claim().trackId());
                return job.key();
            }
            recorded[0] = true;
            AudioTrack track = tracks.findById(job.claim().trackId());
            String previous = track.s3Key;
            track.s3Key = job.key();
            track.audioUrl = storage.mediaUrl(job.key());
            track.status = AudioTrack.COMPLETED;
            track.durationSeconds = (int) Math.max(1, Math.round(durationSeconds));
            track.errorMessage = null;
            track.updatedAt = DatabaseClock.now();
            tracks.flush();
            events.trackCompleted(track, track.updatedAt);
            if (!synthesised) {
                return previous.equals(job.key()) ? null : previous; // reused audio: no provider call, no usage
            }
            events.narrationUsage(
                    track,
                    synthesizer.provider(),
                    synthesizer.model(),
                    true,
                    null,
                    config.costCentsPer1000Characters(),
                    reservation);
            return previous.equals(job.key()) ? null : previous;
        });
        if (unused != null) {
            try {
                storage.delete(unused);
            } catch (RuntimeException e) {
                // Only costs storage; the vision's narration prefix goes when the vision or member does.
                LOG.warnf("could not delete replaced narration audio %s: %s", unused, e.getMessage());
            }
        }
        return recorded[0];
    }

    /** Waits for a platform service to come back: retried after the first backoff, without spending an attempt. */
    private void postpone(Work job, String reason) {
        SystemContext.runInNewTransaction("narration postponed", () -> {
            AudioTrack track = tracks.findById(job.claim().trackId());
            if (track != null
                    && tracks.scheduleRetry(job.claim(), Instant.now().plus(config.initialBackoff()), reason, false)) {
                track.status = AudioTrack.PENDING;
                track.updatedAt = DatabaseClock.now();
                LOG.infof("narration of track %s waits: %s", track.id, reason);
            }
        });
    }

    private void fail(Work job, String reason, boolean permanent) {
        SystemContext.runInNewTransaction("narration failure", () -> {
            AudioTrack track = tracks.findById(job.claim().trackId());
            if (track == null) {
                return; // the vision was deleted meanwhile
            }
            track.errorMessage = Texts.cut(reason, AudioTrack.ERROR_MESSAGE_MAX_LENGTH);
            track.updatedAt = DatabaseClock.now();
            if (!permanent && job.claim().attempt() < config.maxAttempts()) {
                Duration backoff =
                        config.initialBackoff().multipliedBy(1L << (job.claim().attempt() - 1));
                if (tracks.scheduleRetry(job.claim(), Instant.now().plus(backoff), reason, true)) {
                    track.status = AudioTrack.PENDING;
                    LOG.infof(
                            "narration of track %s failed (attempt %d of %d), retrying in %s: %s",
                            track.id, job.claim().attempt(), config.maxAttempts(), backoff, reason);
                }
                return;
            }
            if (!tracks.finishJob(job.claim())) {
                return;
            }
            track.status = AudioTrack.FAILED;
            tracks.flush();
            LOG.warnf(
                    "narration of track %s failed after %d attempts: %s",
                    track.id, job.claim().attempt(), reason);
            events.trackFailed(track, track.updatedAt);
            events.narrationUsage(track, synthesizer.provider(), synthesizer.model(), false, reason, 0, null);
        });
    }

    private record Work(
            NarrationRepository.Claim claim,
            UUID userId,
            String text,
            String contentHash,
            String voice,
            String key,
            boolean stale) {

        Work(NarrationRepository.Claim claim, UUID userId, String text, String contentHash, String voice, String key) {
            this(claim, userId, text, contentHash, voice, key, false);
        }

        Work dropped() {
            return new Work(claim, userId, text, contentHash, voice, key, true);
        }
    }
}
