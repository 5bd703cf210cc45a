package com.vibrationfit.platform.media;

import com.vibrationfit.events.EventType;
import com.vibrationfit.events.MediaObjectDeleted;
import com.vibrationfit.events.MediaObjectUploaded;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    @ConfigProperty(name = "vf.media.upload-wait", defaultValue = "PT3S")
    Duration wait;

    @ConfigProperty(name = "vf.media.upload-waits-per-member", defaultValue = "2")
    int waitsPerMember;

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
                .on(EventType.MEDIA_OBJECT_DELETED, MediaObjectDeleted.class, o -> deleted(o.mediaUrl()));
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
