package com.vibrationfit.media.objects;

import com.vibrationfit.platform.time.DatabaseClock;
import com.vibrationfit.platform.errors.FieldError;
import com.vibrationfit.platform.errors.InvalidRequest;
import com.vibrationfit.platform.errors.NotFound;
import com.vibrationfit.platform.errors.Unprocessable;
import com.vibrationfit.media.events.MediaEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/** Uploads straight from the client to S3 through presigned URLs, confirmed against what S3 really holds. */
@ApplicationScoped
@Transactional
public class UploadService {

    @Inject
    MediaObjectRepository objects;

    @Inject
    ObjectStorage storage;

    @Inject
    MediaEvents events;

    public UploadTicket start(UUID userId, UploadRequest request) {
        List<FieldError> errors = UploadPolicy.check(request.purpose(), request.contentType(), request.sizeBytes());
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
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
        objects.persistAndFlush(object);
        ObjectStorage.PresignedUpload upload = storage.presignPut(object.s3Key, object.contentType, object.sizeBytes);
        return new UploadTicket(object.id, object.s3Key, "PUT", upload.url().toString(), upload.headers(),
                upload.expiresAt(), storage.mediaUrl(object.s3Key));
    }

    /** Confirms the object is in S3 with the declared size and type (422 naming what differs). */
    public MediaObject complete(UUID userId, UUID id) {
        MediaObject object = owned(userId, id);
        if (MediaObject.UPLOADED.equals(object.state)) {
            return object;
        }
        HeadObjectResponse head = storage.head(object.s3Key).orElseThrow(() -> new Unprocessable(
                "nothing was uploaded for this object yet", List.of(new FieldError("upload_url",
                        "PUT the file to the upload URL before completing"))));
        List<FieldError> mismatches = new ArrayList<>();
        if (head.contentLength() == null || head.contentLength() != object.sizeBytes) {
            mismatches.add(new FieldError("size_bytes", "declared " + object.sizeBytes + " bytes, uploaded "
                    + head.contentLength()));
        }
        if (head.contentType() == null || !head.contentType().equalsIgnoreCase(object.contentType)) {
            mismatches.add(new FieldError("content_type", "declared " + object.contentType + ", uploaded "
                    + head.contentType()));
        }
        if (!mismatches.isEmpty()) {
            throw new Unprocessable("the uploaded object does not match what was declared", mismatches);
        }
        object.state = MediaObject.UPLOADED;
        object.uploadedAt = DatabaseClock.now();
        events.objectUploaded(object, storage.mediaUrl(object.s3Key));
        return object;
    }

    public MediaObject get(UUID userId, UUID id) {
        return owned(userId, id);
    }

    public MediaObjectView view(MediaObject object) {
        String download = MediaObject.UPLOADED.equals(object.state) ? storage.presignGet(object.s3Key).toString() : null;
        return new MediaObjectView(object.id, object.userId, object.s3Key, object.purpose, object.contentType,
                object.sizeBytes, object.state, storage.mediaUrl(object.s3Key), download, object.createdAt,
                object.uploadedAt);
    }

    /** Removes the row, then the object; a failed S3 delete rolls the row back so nothing is orphaned. */
    public void delete(UUID userId, UUID id) {
        MediaObject object = owned(userId, id);
        objects.delete(object);
        objects.flush();
        storage.delete(object.s3Key);
        events.objectDeleted(object, storage.mediaUrl(object.s3Key));
    }

    private MediaObject owned(UUID userId, UUID id) {
        return objects.findOwned(userId, id).orElseThrow(() -> new NotFound("media object", id));
    }
}
