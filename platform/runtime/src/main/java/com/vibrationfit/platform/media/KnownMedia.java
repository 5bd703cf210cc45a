package com.vibrationfit.platform.media;

import com.vibrationfit.events.EventType;
import com.vibrationfit.events.MediaObjectDeleted;
import com.vibrationfit.events.MediaObjectUploaded;
import com.vibrationfit.events.RecordingTranscribed;
import com.vibrationfit.platform.db.MemberLock;
import com.vibrationfit.platform.errors.FieldError;
import com.vibrationfit.platform.errors.InvalidRequest;
import com.vibrationfit.platform.errors.TooManyRequests;
import com.vibrationfit.platform.inbox.EventHandlers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The media objects members uploaded (projected from {@code media.events}), and the check that what a
 * member stores references only their own uploaded objects. Shared by every service that stores media
 * URLs members send (journal entries, profiles). A service using it:
 * <ul>
 * <li>adds {@code classpath:db/known-media} to {@code quarkus.flyway.locations} (the {@code known_media}
 * table; journal-service, which had it before, creates it in its own V1);</li>
 * <li>sets {@code vf.media.known-media=true}, which enables {@link KnownMediaConsumer} (it consumes the
 * {@code media-events} channel the service configures) and {@link KnownMediaPurger} (user.deleted).</li>
 * </ul>
 * An upload confirmed a moment ago may not have been projected yet: {@link #awaitUploaded} waits up to
 * {@code vf.media.upload-wait} for it, before the write's transaction begins, so the wait holds no database
 * connection and no row lock (each look is its own short transaction); the write then checks once more,
 * without waiting. Waiting holds a worker thread, so it is rationed: a member has at most
 * {@code vf.media.upload-waits-per-member} requests waiting at once and the instance
 * {@code vf.media.upload-waits}; a request beyond either is refused at once with a retryable 429 (one member
 * sending hundreds of such requests cannot starve the others).
 */
@ApplicationScoped
public class KnownMedia {

    @Inject
    EntityManager em;

    @Inject
    MediaUrls mediaUrls;

    @Inject
    MemberLock memberLock;

    @ConfigProperty(name = "vf.media.upload-wait", defaultValue = "PT3S")
    Duration wait;

    @ConfigProperty(name = "vf.media.upload-waits-per-member", defaultValue = "2")
    int waitsPerMember;

    /** Where the service stores recordings ({@code table.column}, JSONB arrays), to copy transcripts into. */
    @ConfigProperty(name = "vf.media.recording-columns")
    Optional<List<String>> recordingColumns;

    private final Semaphore waits;
    private final ConcurrentHashMap<UUID, Integer> waitingByMember = new ConcurrentHashMap<>();

    @Inject
    public KnownMedia(@ConfigProperty(name = "vf.media.upload-waits", defaultValue = "32") int waitsPerInstance) {
        this.waits = new Semaphore(waitsPerInstance);
    }

    /**
     * Waits until every URL of {@code userId}'s own prefix among {@code urls} is a known upload, or
     * {@code vf.media.upload-wait} has passed. Call it outside any transaction (from the resource);
     * it refuses nothing itself, {@link #requireUploadedBy} does.
     */
    public void awaitUploaded(UUID userId, Collection<String> urls) {
        List<String> own = urls.stream()
                .filter(url -> url != null && mediaUrls.problemWith(url, userId).isEmpty())
                .distinct()
                .toList();
        if (own.isEmpty()
                || QuarkusTransaction.requiringNew()
                        .call(() -> missing(userId, own))
                        .isEmpty()) {
            return;
        }
        if (!takeWaitSlot(userId)) {
            throw new TooManyRequests(
                    "an upload you reference is not confirmed yet, and " + waitsPerMember
                            + " of your requests already wait for theirs (or the service is busy waiting for others); retry in a "
                            + "second",
                    Duration.ofSeconds(1));
        }
        try {
            Instant deadline = Instant.now().plus(wait);
            long pause = 50;
            while (Instant.now().isBefore(deadline)
                    && !QuarkusTransaction.requiringNew()
                            .call(() -> missing(userId, own))
                            .isEmpty()) {
                pause(Math.max(
                        1,
                        Math.min(
                                pause, Duration.between(Instant.now(), deadline).toMillis())));
                pause = Math.min(pause * 2, 200); // 50, 100, 200 ms: prompt when the event is near, light when not
            }
        } finally {
            releaseWaitSlot(userId);
        }
    }

    private boolean takeWaitSlot(UUID userId) {
        boolean[] taken = {false};
        waitingByMember.compute(userId, (id, waiting) -> {
            int now = waiting == null ? 0 : waiting;
            if (now >= waitsPerMember || !waits.tryAcquire()) {
                return waiting;
            }
            taken[0] = true;
            return now + 1;
        });
        return taken[0];
    }

    private void releaseWaitSlot(UUID userId) {
        waitingByMember.computeIfPresent(userId, (id, waiting) -> waiting <= 1 ? null : waiting - 1);
        waits.release();
    }

    /**
     * Refuses (400 naming each field) a URL outside the caller's prefix or not a known upload. Does not wait:
     * it runs inside the write's transaction, after {@link #awaitUploaded}.
     *
     * @param urls JSON field name (e.g. {@code image_urls[0]}) to the URL it holds
     */
    public void requireUploadedBy(UUID userId, Map<String, String> urls) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> toFind = new LinkedHashMap<>();
        urls.forEach((field, url) -> mediaUrls
                .problemWith(url, userId)
                .ifPresentOrElse(problem -> errors.add(new FieldError(field, problem)), () -> toFind.put(field, url)));
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
        Set<String> unknown = missing(userId, toFind.values());
        toFind.forEach((field, url) -> {
            if (unknown.contains(url)) {
                errors.add(new FieldError(
                        field,
                        "no uploaded media object of yours has this URL " + "(upload it and call complete first)"));
            }
        });
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
    }

    /** The effects of {@code media.events} on the projection, for the service's consumer of that topic. */
    public EventHandlers handlers(String consumer) {
        return EventHandlers.forConsumer(consumer)
                .on(
                        EventType.MEDIA_OBJECT_UPLOADED,
                        MediaObjectUploaded.class,
                        o -> uploaded(o.mediaUrl(), o.userId(), o.purpose(), o.contentType(), o.uploadedAt()))
                .on(EventType.MEDIA_OBJECT_DELETED, MediaObjectDeleted.class, o -> deleted(o.mediaUrl()))
                .on(EventType.MEDIA_RECORDING_TRANSCRIBED, RecordingTranscribed.class, this::transcribed);
    }

    /**
     * A recording's transcription ended: kept with the upload (for recordings stored later), and copied into every
     * recording of the member's that references it and has no transcript of its own ({@code vf.media.recording-columns},
     * e.g. {@code journal_entries.audio_recordings}: JSONB arrays of recordings in tables with a {@code user_id}).
     * A transcript the member wrote stays.
     */
    public void transcribed(RecordingTranscribed transcribed) {
        // Waits for the member's writes in flight that read this transcript as pending (they hold the lock shared),
        // so the updates below see their recordings committed.
        memberLock.hold(MemberLock.RECORDING_TRANSCRIPTS, transcribed.userId());
        em.createNativeQuery("""
                update known_media set transcript_status = ?3, transcript = ?4, transcript_note = ?5
                where media_url = ?1 and user_id = ?2""")
                .setParameter(1, transcribed.mediaUrl())
                .setParameter(2, transcribed.userId())
                .setParameter(3, transcribed.status())
                .setParameter(4, transcribed.transcript())
                .setParameter(5, transcribed.note())
                .executeUpdate();
        for (String column : recordingColumns.orElse(List.of())) {
            String[] tableAndColumn = column.split("\\.");
            String table = tableAndColumn[0];
            String recordings = tableAndColumn[1];
            em.createNativeQuery("""
                    update %1$s set %2$s = (
                        select jsonb_agg(case when r->>'url' = ?1 and coalesce(r->>'transcript', '') = ''
                            then r || jsonb_build_object('transcript', cast(?3 as text),
                                'transcript_status', cast(?4 as text), 'transcript_note', cast(?5 as text))
                            else r end order by position)
                        from jsonb_array_elements(%2$s) with ordinality as item(r, position))
                    where user_id = ?2 and jsonb_typeof(%2$s) = 'array'
                      and %2$s @> jsonb_build_array(jsonb_build_object('url', cast(?1 as text)))""".formatted(table, recordings))
                    .setParameter(1, transcribed.mediaUrl())
                    .setParameter(2, transcribed.userId())
                    .setParameter(3, transcribed.transcript())
                    .setParameter(4, transcribed.status())
                    .setParameter(5, transcribed.note())
                    .executeUpdate();
        }
    }

    /**
     * {@code recordings} as they are stored: each with the machine transcript of its upload when it has none of its
     * own ({@code pending} while that is not known yet), or marked {@code provided} when the member wrote it. Call it
     * in the write's transaction, after {@link #requireUploadedBy}.
     */
    @SuppressWarnings("unchecked")
    public List<Recording> withTranscripts(UUID userId, List<Recording> recordings) {
        if (recordings == null || recordings.isEmpty()) {
            return recordings;
        }
        List<String> urls = recordings.stream()
                .filter(r -> r != null && r.url() != null)
                .map(Recording::url)
                .toList();
        // Until this write commits, a transcript arriving waits for it (see MemberLock.RECORDING_TRANSCRIPTS).
        memberLock.holdShared(MemberLock.RECORDING_TRANSCRIPTS, userId);
        Map<String, Object[]> known = new HashMap<>();
        List<Object[]> rows = em.createNativeQuery("""
                select media_url, transcript_status, transcript, transcript_note from known_media
                where user_id = ?1 and media_url = any(cast(?2 as text[]))""")
                .setParameter(1, userId)
                .setParameter(2, urls.toArray(String[]::new))
                .getResultList();
        rows.forEach(row -> known.put((String) row[0], row));
        return recordings.stream()
                .map(recording -> {
                    if (recording == null) {
                        return null;
                    }
                    Object[] row = known.get(recording.url());
                    String status = row == null ? null : (String) row[1];
                    String machine = row == null ? null : (String) row[2];
                    String note = row == null ? null : (String) row[3];
                    if (recording.transcript() != null
                            && !recording.transcript().isBlank()) {
                        boolean theMachines = RecordingTranscribed.COMPLETED.equals(status)
                                && recording.transcript().equals(machine);
                        return recording.withTranscript(
                                recording.transcript(), theMachines ? status : Recording.PROVIDED, null);
                    }
                    if (row == null) {
                        return recording.withTranscript(null, null, null); // not an upload of ours: nothing to await
                    }
                    return status == null
                            ? recording.withTranscript(null, Recording.PENDING, null)
                            : recording.withTranscript(machine, status, note);
                })
                .toList();
    }

    public void uploaded(String mediaUrl, UUID userId, String purpose, String contentType, Instant at) {
        em.createNativeQuery("""
                insert into known_media (media_url, user_id, purpose, content_type, uploaded_at) values (?1, ?2, ?3, ?4, ?5)
                on conflict (media_url) do nothing""")
                .setParameter(1, mediaUrl)
                .setParameter(2, userId)
                .setParameter(3, purpose)
                .setParameter(4, contentType)
                .setParameter(5, at)
                .executeUpdate();
    }

    public void deleted(String mediaUrl) {
        em.createNativeQuery("delete from known_media where media_url = ?1")
                .setParameter(1, mediaUrl)
                .executeUpdate();
    }

    public void deleteAllOf(UUID userId) {
        em.createNativeQuery("delete from known_media where user_id = ?1")
                .setParameter(1, userId)
                .executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private Set<String> missing(UUID userId, Collection<String> urls) {
        if (urls.isEmpty()) {
            return Set.of();
        }
        List<String> found = em.createNativeQuery(
                        "select media_url from known_media where user_id = ?1 and media_url = any(cast(?2 as text[]))")
                .setParameter(1, userId)
                .setParameter(2, urls.toArray(String[]::new))
                .getResultList();
        Set<String> missing = new HashSet<>(urls);
        missing.removeAll(found);
        return missing;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
