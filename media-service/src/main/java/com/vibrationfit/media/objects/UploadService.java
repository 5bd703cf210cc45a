package com.vibrationfit.media.objects;

import com.vibrationfit.media.events.MediaEvents;
import com.vibrationfit.platform.db.MemberLock;
import com.vibrationfit.platform.errors.Conflict;
import com.vibrationfit.platform.errors.FieldError;
import com.vibrationfit.platform.errors.InvalidRequest;
import com.vibrationfit.platform.errors.NotFound;
import com.vibrationfit.platform.errors.Unprocessable;
import com.vibrationfit.platform.time.DatabaseClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * Uploads straight from the client to S3 through presigned URLs, confirmed against what S3 really holds.
 * Bounded: a member's uploaded objects plus open tickets fit in the storage quota, and a ticket not
 * completed in time expires (its row and bytes are then removed by {@link UploadSweeper}).
 */
@ApplicationScoped
@Transactional
public class UploadService {

    /** Upload starts of one member, so two concurrent starts cannot both see room for themselves. */
    static final MemberLock.Purpose STORAGE_QUOTA = new MemberLock.Purpose("media-storage-quota");

    @Inject
    MemberLock memberLock;

    @Inject
    Event<UploadConfirmed> confirmations;

    @Inject
    MediaObjectRepository objects;

    @Inject
    ObjectStorage storage;

    @Inject
    MediaEvents events;

    @Inject
    StorageConfig config;

    @Inject
    EntityManager em;

    public UploadTicket start(UUID userId, NewUpload request) {
        List<FieldError> errors = UploadRules.check(request.purpose(), request.contentType(), request.sizeBytes());
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
        lockQuotaOf(userId);
        long used = storageUsedBy(userId);
        if (used + request.sizeBytes() > config.storageQuotaBytes()) {
            throw new UploadQuotaExceeded(request.sizeBytes(), used, config.storageQuotaBytes());
        }
        MediaObject object = new MediaObject();
        object.id = UUID.randomUUID();
        object.userId = userId;
        object.purpose = request.purpose().value();
        object.contentType = request.contentType();
        object.sizeBytes = request.sizeBytes();
        object.s3Key = "users/" + userId + "/" + object.purpose + "/" + object.id + "."
                + request.purpose().extensionOf(request.contentType());
        object.createdAt = DatabaseClock.now();
        ObjectStorage.PresignedUpload upload = storage.presignPut(object.s3Key, object.contentType, object.sizeBytes);
        object.expiresAt = upload.expiresAt().truncatedTo(ChronoUnit.MICROS);
        objects.persistAndFlush(object);
        return new UploadTicket(
                object.id,
                object.s3Key,
                UploadTicket.PUT,
                upload.url().toString(),
                upload.headers(),
                upload.expiresAt(),
                storage.mediaUrl(object.s3Key));
    }

    /**
     * Confirms the object is in S3 with the declared size and type (422 naming what differs) and records
     * its ETag. Final: a completed object is answered as it is. An expired ticket is refused (409).
     */
    public MediaObject complete(UUID userId, UUID id) {
        // Locked: the sweeper skips a row being completed, and a completion waits for a sweep in progress.
        MediaObject object = objects.lockOwned(userId, id).orElseThrow(() -> new NotFound("media object", id));
        if (MediaObject.UPLOADED.equals(object.state)) {
            return object;
        }
        Instant deadline = completableUntil(object);
        if (DatabaseClock.now().isAfter(deadline)) {
            throw new Conflict("this upload expired at " + deadline + " without being completed; start a new upload");
        }
        HeadObjectResponse head = storage.head(object.s3Key)
                .orElseThrow(() -> new Unprocessable(
                        "nothing was uploaded for this object yet",
                        List.of(new FieldError("upload_url", "PUT the file to the upload URL before completing"))));
        List<FieldError> mismatches = new ArrayList<>();
        if (head.contentLength() == null || head.contentLength() != object.sizeBytes) {
            mismatches.add(new FieldError(
                    "size_bytes", "declared " + object.sizeBytes + " bytes, uploaded " + head.contentLength()));
        }
        if (head.contentType() == null || !head.contentType().equalsIgnoreCase(object.contentType)) {
            mismatches.add(new FieldError(
                    "content_type", "declared " + object.contentType + ", uploaded " + head.contentType()));
        }
        if (!mismatches.isEmpty()) {
            throw new Unprocessable("the uploaded object does not match what was declared", mismatches);
        }
        object.state = MediaObject.UPLOADED;
        object.uploadedAt = DatabaseClock.now();
        object.etag = head.eTag();
        events.objectUploaded(object, storage.mediaUrl(object.s3Key));
        confirmations.fire(new UploadConfirmed(object, storage.mediaUrl(object.s3Key)));
        return object;
    }

    public MediaObject get(UUID userId, UUID id) {
        return owned(userId, id);
    }

    public MediaObjectView view(MediaObject object) {
        String download = MediaObject.UPLOADED.equals(object.state)
                ? storage.presignGet(object.s3Key).toString()
                : null;
        return new MediaObjectView(
                object.id,
                object.userId,
                object.s3Key,
                UploadPurpose.of(object.purpose),
                object.contentType,
                object.sizeBytes,
                object.state,
                storage.mediaUrl(object.s3Key),
                download,
                object.createdAt,
                object.uploadedAt);
    }

    /** Removes the row, then the object; a failed S3 delete rolls the row back so nothing is orphaned. */
    public void delete(UUID userId, UUID id) {
        MediaObject object = owned(userId, id);
        objects.delete(object);
        Instant deadline = completableUntil(object);
        if (DatabaseClock.now().isBefore(deadline)) {
            // The ticket's PUT URL may still put bytes back under this key: sweep it again once that is over.
            em.createNativeQuery("insert into revoked_upload_keys (s3_key, user_id, sweep_after) values (?1, ?2, ?3)")
                    .setParameter(1, object.s3Key)
                    .setParameter(2, userId)
                    .setParameter(3, deadline)
                    .executeUpdate();
        }
        objects.flush();
        storage.delete(object.s3Key);
        events.objectDeleted(object, storage.mediaUrl(object.s3Key));
    }

    private MediaObject owned(UUID userId, UUID id) {
        return objects.findOwned(userId, id).orElseThrow(() -> new NotFound("media object", id));
    }

    private Instant completableUntil(MediaObject object) {
        return object.expiresAt.plus(config.uploadExpiryMargin());
    }

    /**
     * Serialises this member's upload starts until the transaction ends, so two concurrent starts cannot
     * both see room for themselves.
     */
    private void lockQuotaOf(UUID userId) {
        memberLock.hold(STORAGE_QUOTA, userId);
    }

    /** Bytes of completed objects plus the declared bytes of tickets still open (not expired). */
    private long storageUsedBy(UUID userId) {
        Number used = (Number) em.createNativeQuery("""
                select coalesce(sum(size_bytes), 0) from media_objects
                where user_id = ?1 and (state = 'uploaded' or expires_at > now() - make_interval(secs => ?2))""")
                .setParameter(1, userId)
                .setParameter(2, (double) config.uploadExpiryMargin().toSeconds())
                .getSingleResult();
        return used.longValue();
    }
}
