package com.vibrationfit.media.narration;

import com.vibrationfit.events.SectionSnapshot;
import com.vibrationfit.media.objects.ObjectStorage;
import com.vibrationfit.media.speech.NarrationConfig;
import com.vibrationfit.media.speech.SpeechSynthesizer;
import com.vibrationfit.platform.errors.Conflict;
import com.vibrationfit.platform.errors.FieldError;
import com.vibrationfit.platform.errors.InvalidRequest;
import com.vibrationfit.platform.errors.NotFound;
import com.vibrationfit.platform.time.DatabaseClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Decides what to narrate: from vision events (complete visions only) and from members' requests. */
@ApplicationScoped
@Transactional
public class NarrationService {

    private static final Logger LOG = Logger.getLogger(NarrationService.class);

    private static final List<String> SECTION_ORDER = Sections.KEYS;

    @Inject
    NarrationRepository tracks;

    @Inject
    ObjectStorage storage;

    @Inject
    SpeechSynthesizer synthesizer;

    @Inject
    NarrationWorker worker;

    @Inject
    RegenerateAllowance allowance;

    @Inject
    NarrationConfig config;

    /**
     * Records the vision's latest section texts; for a complete vision, queues every non-blank section
     * whose (vision, section, hash) has no track yet, due at once (a vision created or completed: its texts are
     * settled). Returns how many tracks were queued. An event older than the texts already held ({@code at}, the
     * event's time; a dead letter replayed after newer events) changes nothing and queues nothing.
     */
    public int onVisionChanged(
            UUID visionId, UUID userId, int version, String status, List<SectionSnapshot> sections, Instant at) {
        return onVisionChanged(visionId, userId, version, status, sections, at, Duration.ZERO);
    }

    /**
     * As {@link #onVisionChanged}, for an edit: a changed section of a complete vision is due only after the quiet
     * period. An edit within it queues the newer text and the older one's job is dropped when due (its text is no
     * longer the section's), so a member typing is charged for the text they settled on.
     */
    public int onVisionEdited(
            UUID visionId, UUID userId, int version, String status, List<SectionSnapshot> sections, Instant at) {
        return onVisionChanged(visionId, userId, version, status, sections, at, config.quietPeriod());
    }

    private int onVisionChanged(
            UUID visionId,
            UUID userId,
            int version,
            String status,
            List<SectionSnapshot> sections,
            Instant at,
            Duration quiet) {
        if (tracks.isDeleted(visionId)) {
            LOG.infof("vision %s: ignoring an event about it, it was deleted", visionId);
            return 0;
        }
        if (at != null && tracks.holdsNewerThan(visionId, at)) {
            LOG.infof("vision %s: ignoring an event from %s, older than the texts held", visionId, at);
            return 0;
        }
        tracks.upsertSections(visionId, userId, version, status, sections, at);
        if (!"complete".equals(status)) {
            return 0;
        }
        List<SectionToNarrate> wanted = sections.stream()
                .map(s -> new SectionToNarrate(s.key(), s.contentHash(), s.text()))
                .toList();
        int queued = 0;
        for (SectionToNarrate section : NarrationPlanner.missing(wanted, tracks.existingTriples(visionId))) {
            if (tracks.queueIfAbsent(newTrack(userId, visionId, section, synthesizer.defaultVoice()), quiet)) {
                queued++;
            }
        }
        if (queued > 0) {
            worker.wakeUpAfterCommit();
        }
        return queued;
    }

    /**
     * A deleted vision takes its tracks, its projection and its audio objects with it: the whole narration
     * prefix, so audio a dropped attempt left behind goes too. The vision is remembered as deleted: an event about
     * it replayed later changes nothing.
     */
    public void onVisionDeleted(UUID visionId, UUID userId) {
        tracks.rememberDeleted(visionId, userId);
        Set<UUID> owners = new HashSet<>();
        tracks.tracksOf(visionId).forEach(t -> owners.add(t.userId));
        tracks.deleteVision(visionId);
        tracks.flush();
        for (UUID owner : owners) {
            storage.deletePrefix(NarrationPlanner.prefixOf(owner, visionId));
        }
    }

    /**
     * The current track of each section of one of the caller's visions; none before any is narrated (a draft, a
     * vision just completed). Not found when media-service knows neither texts nor tracks of it for the caller.
     */
    public List<AudioTrackView> audioOf(UUID userId, UUID visionId) {
        List<NarrationRepository.KnownSection> sections = tracks.sectionsOf(visionId).stream()
                .filter(s -> s.userId().equals(userId))
                .toList();
        List<AudioTrack> all = tracks.tracksOf(visionId).stream()
                .filter(t -> t.userId.equals(userId) && SECTION_ORDER.contains(t.sectionKey))
                .toList();
        if (sections.isEmpty() && all.isEmpty()) {
            throw new NotFound("no narration is known for vision " + visionId);
        }
        Map<String, String> currentHash = new LinkedHashMap<>();
        sections.forEach(s -> currentHash.put(s.sectionKey(), s.contentHash()));
        Map<String, AudioTrack> bySection = new LinkedHashMap<>();
        all.stream().sorted(Comparator.comparing((AudioTrack t) -> t.updatedAt)).forEach(t -> {
            boolean current = t.contentHash.equals(currentHash.get(t.sectionKey));
            AudioTrack chosen = bySection.get(t.sectionKey);
            boolean chosenCurrent = chosen != null && chosen.contentHash.equals(currentHash.get(t.sectionKey));
            if (chosen == null || current || !chosenCurrent) {
                bySection.put(t.sectionKey, t);
            }
        });
        return bySection.values().stream()
                .sorted(Comparator.comparingInt(t -> SECTION_ORDER.indexOf(t.sectionKey)))
                .map(t -> view(t, t.contentHash.equals(currentHash.get(t.sectionKey))))
                .toList();
    }

    /**
     * Narrates sections on demand (drafts included), optionally with another voice. A section whose track
     * already speaks the same text (content hash) in the same voice, or is queued to, is left alone unless
     * {@code force}; an accepted request counts against the member's regenerate allowance (429 past it).
     */
    public List<AudioTrackView> regenerate(
            UUID userId, UUID visionId, List<String> sectionKeys, String voice, boolean force) {
        List<NarrationRepository.KnownSection> known = tracks.sectionsOf(visionId).stream()
                .filter(s -> s.userId().equals(userId))
                .toList();
        if (known.isEmpty()) {
            throw new NotFound("vision " + visionId + " is not known to media-service yet");
        }
        Set<String> wanted = sectionKeys == null || sectionKeys.isEmpty() ? null : new HashSet<>(sectionKeys);
        if (wanted != null) {
            Set<String> unknown = new HashSet<>(wanted);
            unknown.removeAll(SECTION_ORDER);
            if (!unknown.isEmpty()) {
                throw new InvalidRequest(List.of(
                        new FieldError("sections", "unknown section keys " + unknown + "; use " + SECTION_ORDER)));
            }
        }
        allowance.take(userId);
        String chosenVoice = voice == null || voice.isBlank() ? synthesizer.defaultVoice() : voice;
        Instant now = DatabaseClock.now();
        for (NarrationRepository.KnownSection section : known) {
            if ((wanted != null && !wanted.contains(section.sectionKey()))
                    || section.text().isBlank()) {
                continue;
            }
            var existing = tracks.findTriple(visionId, section.sectionKey(), section.contentHash());
            if (existing.isPresent()) {
                AudioTrack track = existing.get();
                if (!force && track.voiceId.equals(chosenVoice) && !AudioTrack.FAILED.equals(track.status)) {
                    continue; // already narrated (or about to be) exactly so: a synthesis would buy nothing
                }
                track.voiceId = chosenVoice;
                track.status = AudioTrack.PENDING;
                track.errorMessage = null;
                track.updatedAt = now;
                tracks.enqueue(track.id, userId, Duration.ZERO, !force); // forced: a new synthesis, not a copy
            } else {
                tracks.queueIfAbsent(
                        newTrack(
                                userId,
                                visionId,
                                new SectionToNarrate(section.sectionKey(), section.contentHash(), section.text()),
                                chosenVoice),
                        Duration.ZERO);
            }
        }
        tracks.flush();
        worker.wakeUpAfterCommit();
        return audioOf(userId, visionId);
    }

    /** A failed track is queued again with a fresh set of attempts. */
    public AudioTrackView retry(UUID userId, UUID trackId) {
        AudioTrack track = tracks.findOwned(userId, trackId).orElseThrow(() -> new NotFound("audio track", trackId));
        if (!AudioTrack.FAILED.equals(track.status)) {
            throw new Conflict("only a failed track can be retried; this one is " + track.status);
        }
        track.status = AudioTrack.PENDING;
        track.errorMessage = null;
        track.updatedAt = DatabaseClock.now();
        tracks.enqueue(track.id, userId);
        tracks.flush();
        worker.wakeUpAfterCommit();
        return view(track, true);
    }

    private AudioTrack newTrack(UUID userId, UUID visionId, SectionToNarrate section, String voice) {
        AudioTrack track = new AudioTrack();
        track.id = UUID.randomUUID();
        track.userId = userId;
        track.visionId = visionId;
        track.sectionKey = section.sectionKey();
        track.contentHash = section.contentHash();
        track.textContent = section.text();
        track.voiceId = voice;
        track.s3Bucket = storage.bucket();
        track.s3Key = NarrationPlanner.keyOf(userId, visionId, section.sectionKey(), section.contentHash());
        track.audioUrl = storage.mediaUrl(track.s3Key);
        return track;
    }

    private AudioTrackView view(AudioTrack t, boolean current) {
        String play = AudioTrack.COMPLETED.equals(t.status)
                ? storage.presignPlay(t.s3Key).toString()
                : null;
        return new AudioTrackView(
                t.id,
                t.visionId,
                t.sectionKey,
                t.contentHash,
                t.voiceId,
                t.status,
                t.durationSeconds,
                t.errorMessage,
                t.audioUrl,
                play,
                current,
                t.createdAt,
                t.updatedAt);
    }
}
