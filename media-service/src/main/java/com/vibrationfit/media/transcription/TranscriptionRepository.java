package com.vibrationfit.media.transcription;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The rows of {@code transcriptions}: queued with an upload, claimed by workers, ended once. */
@ApplicationScoped
public class TranscriptionRepository {

    public static final String PENDING = "pending";
    public static final String COMPLETED = "completed";
    public static final String UNAVAILABLE = "unavailable";
    public static final String FAILED = "failed";

    /**
     * A claimed job with what the worker needs of its object; {@code token} identifies this claim (only its holder
     * may end the job), {@code traceParent} the trace of the upload that queued it.
     */
    public record Claim(
            UUID objectId,
            UUID userId,
            int attempt,
            UUID token,
            String traceParent,
            String s3Key,
            String contentType,
            long sizeBytes) {}

    @Inject
    EntityManager em;

    /** Queues (or, for a recording that cannot be transcribed, settles) the transcription of an object, once. */
    public void insert(UUID objectId, UUID userId, String status, String note, String traceParent) {
        em.createNativeQuery("""
                insert into transcriptions (object_id, user_id, status, note, trace_parent) values (?1, ?2, ?3, ?4, ?5)
                on conflict (object_id) do nothing""")
                .setParameter(1, objectId)
                .setParameter(2, userId)
                .setParameter(3, status)
                .setParameter(4, note)
                .setParameter(5, traceParent)
                .executeUpdate();
    }

    /** How long until the next unclaimed job falls due (negative: overdue); empty when none waits. */
    public Optional<Duration> nextDueIn() {
        Object millis = em.createNativeQuery("""
                select (extract(epoch from min(next_attempt_at) - now()) * 1000)::bigint from transcriptions
                where status = 'pending' and claimed_at is null""").getSingleResult();
        return millis == null ? Optional.empty() : Optional.of(Duration.ofMillis(((Number) millis).longValue()));
    }

    /** Claims the next due job, or one whose claim went stale (its worker died). */
    @SuppressWarnings("unchecked")
    public Optional<Claim> claimNext(Duration staleAfter) {
        List<Object[]> rows = em.createNativeQuery("""
                with next as (
                    select object_id from transcriptions
                    where status = 'pending'
                      and ((claimed_at is null and next_attempt_at <= now())
                           or claimed_at < now() - make_interval(secs => ?1))
                    order by next_attempt_at
                    limit 1
                    for update skip locked)
                update transcriptions t set claimed_at = now(), attempts = t.attempts + 1,
                    claim_token = gen_random_uuid(), updated_at = now()
                from next, media_objects o
                where t.object_id = next.object_id and o.id = t.object_id
                returning t.object_id, t.user_id, t.attempts, t.claim_token, t.trace_parent, o.s3_key, o.content_type,
                    o.size_bytes""")
                .setParameter(1, (double) staleAfter.toSeconds())
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        return Optional.of(new Claim(
                (UUID) row[0],
                (UUID) row[1],
                ((Number) row[2]).intValue(),
                (UUID) row[3],
                (String) row[4],
                (String) row[5],
                (String) row[6],
                ((Number) row[7]).longValue()));
    }

    /** Records the transcript if this claim still holds the job (false: taken over, or the object went). */
    public boolean complete(Claim claim, String text, String language, double durationSeconds) {
        return em.createNativeQuery("""
                        update transcriptions set status = 'completed', text = ?3, language = ?4, duration_seconds = ?5,
                            note = null, claim_token = null, claimed_at = null, updated_at = now()
                        where object_id = ?1 and claim_token = ?2 and status = 'pending'""")
                        .setParameter(1, claim.objectId())
                        .setParameter(2, claim.token())
                        .setParameter(3, text)
                        .setParameter(4, language)
                        .setParameter(5, BigDecimal.valueOf(durationSeconds).setScale(2, RoundingMode.HALF_UP))
                        .executeUpdate()
                == 1;
    }

    /** Ends the job without a transcript ({@code failed} or {@code unavailable}) if this claim still holds it. */
    public boolean end(Claim claim, String status, String note) {
        return em.createNativeQuery("""
                        update transcriptions set status = ?3, note = ?4, claim_token = null, claimed_at = null,
                            updated_at = now()
                        where object_id = ?1 and claim_token = ?2 and status = 'pending'""")
                        .setParameter(1, claim.objectId())
                        .setParameter(2, claim.token())
                        .setParameter(3, status)
                        .setParameter(4, note)
                        .executeUpdate()
                == 1;
    }

    /**
     * Releases the claim for another try at {@code at}. An attempt that never reached the provider (ai-usage-service
     * away) is not counted: {@code spentAttempt} false gives it back.
     */
    public boolean retryAt(Claim claim, Instant at, String note, boolean spentAttempt) {
        return em.createNativeQuery("""
                        update transcriptions set claim_token = null, claimed_at = null, next_attempt_at = ?3, note = ?4,
                            attempts = attempts - ?5, updated_at = now()
                        where object_id = ?1 and claim_token = ?2 and status = 'pending'""")
                        .setParameter(1, claim.objectId())
                        .setParameter(2, claim.token())
                        .setParameter(3, at)
                        .setParameter(4, note)
                        .setParameter(5, spentAttempt ? 0 : 1)
                        .executeUpdate()
                == 1;
    }

    /** The transcription of an object, as its member may see it (RLS applies in a member's context). */
    @SuppressWarnings("unchecked")
    public Optional<TranscriptView> find(UUID objectId) {
        List<Object[]> rows =
                em.createNativeQuery("""
                select status, text, language, duration_seconds, note, updated_at from transcriptions
                where object_id = ?1""").setParameter(1, objectId).getResultList();
        return rows.stream()
                .findFirst()
                .map(row -> new TranscriptView(
                        (String) row[0],
                        (String) row[1],
                        (String) row[2],
                        row[3] == null ? null : ((Number) row[3]).doubleValue(),
                        (String) row[4],
                        row[5] instanceof Instant at ? at : null));
    }
}
