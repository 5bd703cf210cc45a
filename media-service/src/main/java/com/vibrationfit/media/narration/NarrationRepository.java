package com.vibrationfit.media.narration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.vibrationfit.events.SectionSnapshot;
import com.vibrationfit.platform.db.MemberOwnedRepository;
import com.vibrationfit.platform.tracing.TraceContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Tracks, their work queue, and the projection of vision section texts. */
@ApplicationScoped
public class NarrationRepository implements MemberOwnedRepository<AudioTrack> {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A claimed job: the track, which attempt this is, and the token that identifies this claim. Only
     * the holder of the current token may finish or reschedule the job: the attempt number alone is not
     * enough, since a re-queue resets it.
     */
    /**
     * A claimed job; {@code traceParent} is the trace context of the change that queued it ({@code null}: none);
     * {@code reuseAllowed} is false when the member forced a new synthesis.
     */
    public record Claim(UUID trackId, int attempt, UUID token, String traceParent, boolean reuseAllowed) {

        public Claim(UUID trackId, int attempt, UUID token) {
            this(trackId, attempt, token, null, true);
        }
    }

    /** Latest known text of a vision section (projected from vision.events). */
    public record KnownSection(
            UUID visionId, String sectionKey, UUID userId, String visionStatus, String contentHash, String text) {}

    private EntityManager em() {
        return getEntityManager();
    }

    /**
     * Keeps an event's sections in the projection, all in one statement (a vision has 14; one round trip each was
     * most of what applying an edit cost). A row already holding a later event's text is left alone.
     */
    public void upsertSections(
            UUID visionId,
            UUID userId,
            int version,
            String status,
            List<SectionSnapshot> sections,
            Instant sourceTime) {
        if (sections.isEmpty()) {
            return;
        }
        ArrayNode rows = JSON.createArrayNode();
        for (SectionSnapshot section : sections) {
            rows.addObject()
                    .put("section_key", section.key())
                    .put("content_hash", section.contentHash())
                    .put("text_content", section.text());
        }
        em().createNativeQuery("""
                insert into vision_sections (vision_id, section_key, user_id, version_number, vision_status, content_hash,
                                             text_content, updated_at, source_time)
                select cast(?1 as uuid), s.section_key, cast(?2 as uuid), cast(?3 as integer), cast(?4 as text),
                       s.content_hash, s.text_content, now(), cast(?6 as timestamptz)
                from jsonb_to_recordset(cast(?5 as jsonb)) as s(section_key text, content_hash text, text_content text)
                on conflict (vision_id, section_key) do update set version_number = excluded.version_number,
                    vision_status = excluded.vision_status, content_hash = excluded.content_hash,
                    text_content = excluded.text_content, updated_at = now(), source_time = excluded.source_time
                where vision_sections.source_time is null or excluded.source_time is null
                   or vision_sections.source_time <= excluded.source_time""")
                .setParameter(1, visionId)
                .setParameter(2, userId)
                .setParameter(3, version)
                .setParameter(4, status)
                .setParameter(5, rows.toString())
                .setParameter(6, sourceTime)
                .executeUpdate();
    }

    /** Whether the projection holds texts of {@code visionId} from an event later than {@code time}. */
    public boolean holdsNewerThan(UUID visionId, Instant time) {
        return !em().createNativeQuery(
                        "select 1 from vision_sections where vision_id = ?1 and source_time > ?2 limit 1")
                .setParameter(1, visionId)
                .setParameter(2, time)
                .getResultList()
                .isEmpty();
    }

    @SuppressWarnings("unchecked")
    public List<KnownSection> sectionsOf(UUID visionId) {
        List<Object[]> rows =
                em().createNativeQuery("""
                select vision_id, section_key, user_id, vision_status, content_hash, text_content
                from vision_sections where vision_id = ?1""").setParameter(1, visionId).getResultList();
        return rows.stream()
                .map(r -> new KnownSection(
                        (UUID) r[0], (String) r[1], (UUID) r[2], (String) r[3], (String) r[4], (String) r[5]))
                .toList();
    }

    public Set<String> existingTriples(UUID visionId) {
        List<String> keys = em().createQuery(
                        "select t.sectionKey || ':' || t.contentHash from AudioTrack t where t.visionId = ?1",
                        String.class)
                .setParameter(1, visionId)
                .getResultList();
        return new HashSet<>(keys);
    }

    /**
     * Inserts a pending track and its job unless the (vision, section, hash) already has a track; the
     * unique constraint arbitrates between racing consumers. Returns whether this call queued it.
     */
    public boolean queueIfAbsent(AudioTrack track, Duration dueIn) {
        int inserted = em().createNativeQuery("""
                insert into audio_tracks (id, user_id, vision_id, section_key, content_hash, text_content, voice_id,
                                          s3_bucket, s3_key, audio_url, status, created_at, updated_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 'pending', now(), now())
                on conflict (vision_id, section_key, content_hash) do nothing""")
                .setParameter(1, track.id)
                .setParameter(2, track.userId)
                .setParameter(3, track.visionId)
                .setParameter(4, track.sectionKey)
                .setParameter(5, track.contentHash)
                .setParameter(6, track.textContent)
                .setParameter(7, track.voiceId)
                .setParameter(8, track.s3Bucket)
                .setParameter(9, track.s3Key)
                .setParameter(10, track.audioUrl)
                .executeUpdate();
        if (inserted == 0) {
            return false;
        }
        enqueue(track.id, track.userId, dueIn, true);
        return true;
    }

    /**
     * Queues the track with a fresh set of attempts. A job a worker is synthesising right now keeps its
     * claim and is marked for a rerun: releasing the claim would let a second worker synthesise the same
     * track at the same time. The holder drops its result when it finishes and the job runs again.
     */
    public void enqueue(UUID trackId, UUID userId) {
        enqueue(trackId, userId, Duration.ZERO, true);
    }

    /**
     * As {@link #enqueue(UUID, UUID)}, due {@code dueIn} from now; {@code reuseAllowed} false makes the worker
     * synthesise even when the member already has audio of this text.
     */
    public void enqueue(UUID trackId, UUID userId, Duration dueIn, boolean reuseAllowed) {
        em().createNativeQuery("""
                insert into narration_jobs (track_id, user_id, attempts, next_attempt_at, trace_parent, reuse_allowed)
                values (?1, ?2, 0, now() + make_interval(secs => ?4), ?3, ?5)
                on conflict (track_id) do update set attempts = 0, next_attempt_at = excluded.next_attempt_at,
                    last_error = null, rerun_requested = narration_jobs.claimed_at is not null,
                    trace_parent = excluded.trace_parent, reuse_allowed = excluded.reuse_allowed""")
                .setParameter(1, trackId)
                .setParameter(2, userId)
                .setParameter(3, TraceContext.currentTraceParent())
                .setParameter(4, dueIn.toMillis() / 1000.0)
                .setParameter(5, reuseAllowed)
                .executeUpdate();
    }

    /**
     * Whether the track's text is no longer its section's (the member edited it again since it was queued). Such a
     * track, never narrated, is dropped before any provider call. A section the projection does not hold is not
     * stale.
     */
    public boolean isStale(AudioTrack track) {
        return !em().createNativeQuery("""
                        select 1 from vision_sections
                        where vision_id = ?1 and section_key = ?2 and content_hash <> ?3""")
                .setParameter(1, track.visionId)
                .setParameter(2, track.sectionKey)
                .setParameter(3, track.contentHash)
                .getResultList()
                .isEmpty();
    }

    /** Audio of this member speaking this text in this voice, already made for another track: reused, not paid again. */
    public record ReusableAudio(String s3Key, Integer durationSeconds) {}

    @SuppressWarnings("unchecked")
    public Optional<ReusableAudio> reusableAudio(UUID userId, String contentHash, String voiceId, UUID exceptTrack) {
        List<Object[]> rows = em().createNativeQuery("""
                        select s3_key, duration_seconds from audio_tracks
                        where user_id = ?1 and content_hash = ?2 and voice_id = ?3 and status = 'completed'
                          and id <> ?4
                        order by updated_at desc limit 1""")
                .setParameter(1, userId)
                .setParameter(2, contentHash)
                .setParameter(3, voiceId)
                .setParameter(4, exceptTrack)
                .getResultList();
        return rows.stream()
                .findFirst()
                .map(r -> new ReusableAudio((String) r[0], r[1] == null ? null : ((Number) r[1]).intValue()));
    }

    /** Drops a track never narrated, and its job (cascade). */
    public void dropUnnarrated(UUID trackId) {
        em().createNativeQuery("delete from audio_tracks where id = ?1 and status <> 'completed'")
                .setParameter(1, trackId)
                .executeUpdate();
    }

    /** How long until the next unclaimed job falls due (negative: overdue); empty when none waits. */
    public Optional<Duration> nextDueIn() {
        Object millis = em().createNativeQuery(
                        "select (extract(epoch from min(next_attempt_at) - now()) * 1000)::bigint from narration_jobs"
                                + " where claimed_at is null")
                .getSingleResult();
        return millis == null ? Optional.empty() : Optional.of(Duration.ofMillis(((Number) millis).longValue()));
    }

    /** Claims the next due job, or one whose claim went stale (its worker died). */
    @SuppressWarnings("unchecked")
    public Optional<Claim> claimNext(Duration staleAfter) {
        List<Object[]> rows = em().createNativeQuery("""
                with next as (
                    select track_id from narration_jobs
                    where (claimed_at is null and next_attempt_at <= now())
                       or claimed_at < now() - make_interval(secs => ?1)
                    order by next_attempt_at
                    limit 1
                    for update skip locked)
                update narration_jobs j set claimed_at = now(), attempts = j.attempts + 1,
                    claim_token = gen_random_uuid(), rerun_requested = false
                from next where j.track_id = next.track_id
                returning j.track_id, j.attempts, j.claim_token, j.trace_parent, j.reuse_allowed""")
                .setParameter(1, (double) staleAfter.toSeconds())
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        return Optional.of(new Claim(
                (UUID) row[0], ((Number) row[1]).intValue(), (UUID) row[2], (String) row[3], (Boolean) row[4]));
    }

    /**
     * Ends a claim. False when this attempt's result must be dropped: another worker took the job over
     * (the token changed), the job is gone (vision deleted), or a rerun was asked meanwhile, in which case
     * the job is released to run again now.
     */
    public boolean finishJob(Claim claim) {
        int finished = em().createNativeQuery(
                        "delete from narration_jobs where track_id = ?1 and claim_token = ?2 and not rerun_requested")
                .setParameter(1, claim.trackId())
                .setParameter(2, claim.token())
                .executeUpdate();
        if (finished == 1) {
            return true;
        }
        em().createNativeQuery("""
                update narration_jobs set claimed_at = null, claim_token = null, rerun_requested = false,
                    next_attempt_at = now()
                where track_id = ?1 and claim_token = ?2 and rerun_requested""")
                .setParameter(1, claim.trackId())
                .setParameter(2, claim.token())
                .executeUpdate();
        return false;
    }

    /**
     * Releases the claim for a later attempt; a rerun asked meanwhile runs now with fresh attempts. An attempt that
     * never reached the provider because a platform service was away is given back ({@code spentAttempt} false):
     * an outage delays the narration, however long it lasts, and never fails it.
     */
    public boolean scheduleRetry(Claim claim, Instant at, String error, boolean spentAttempt) {
        return em().createNativeQuery("""
                update narration_jobs set claimed_at = null, claim_token = null,
                    next_attempt_at = case when rerun_requested then now() else ?3 end,
                    attempts = case when rerun_requested then 0 when ?5 then attempts
                        else greatest(attempts - 1, 0) end,
                    last_error = ?4, rerun_requested = false
                where track_id = ?1 and claim_token = ?2""")
                        .setParameter(1, claim.trackId())
                        .setParameter(2, claim.token())
                        .setParameter(3, at)
                        .setParameter(4, error)
                        .setParameter(5, spentAttempt)
                        .executeUpdate()
                == 1;
    }

    public List<AudioTrack> tracksOf(UUID visionId) {
        return list("visionId = ?1 order by createdAt", visionId);
    }

    public Optional<AudioTrack> findTriple(UUID visionId, String sectionKey, String contentHash) {
        return find("visionId = ?1 and sectionKey = ?2 and contentHash = ?3", visionId, sectionKey, contentHash)
                .firstResultOptional();
    }

    public long deleteVision(UUID visionId) {
        em().createNativeQuery("delete from vision_sections where vision_id = ?1")
                .setParameter(1, visionId)
                .executeUpdate();
        return delete("visionId", visionId);
    }

    public void rememberDeleted(UUID visionId, UUID userId) {
        em().createNativeQuery(
                        "insert into deleted_visions (vision_id, user_id) values (?1, ?2) on conflict do nothing")
                .setParameter(1, visionId)
                .setParameter(2, userId)
                .executeUpdate();
    }

    public boolean isDeleted(UUID visionId) {
        return !em().createNativeQuery("select 1 from deleted_visions where vision_id = ?1")
                .setParameter(1, visionId)
                .getResultList()
                .isEmpty();
    }

    public long deleteUser(UUID userId) {
        em().createNativeQuery("delete from vision_sections where user_id = ?1")
                .setParameter(1, userId)
                .executeUpdate();
        em().createNativeQuery("delete from deleted_visions where user_id = ?1")
                .setParameter(1, userId)
                .executeUpdate();
        return delete("userId", userId);
    }
}
