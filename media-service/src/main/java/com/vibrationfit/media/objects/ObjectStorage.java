package com.vibrationfit.media.objects;

import com.vibrationfit.platform.media.MediaLinks;
import com.vibrationfit.platform.storage.BucketObjects;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * The S3 bucket behind media-service: presigned URLs for clients, direct reads and writes for narration. Presigned
 * URLs come from the platform's {@link MediaLinks} (the endpoint browsers reach, {@code vf.media.public-endpoint}),
 * like every service's links.
 */
@ApplicationScoped
public class ObjectStorage {

    @Inject
    S3Client s3;

    @Inject
    MediaLinks links;

    @Inject
    StorageConfig config;

    public String bucket() {
        return config.bucket();
    }

    /**
     * A presigned PUT; the client must send exactly the returned headers (type, length and
     * {@code If-None-Match: *} are signed). The last makes S3 write only when the key is empty: the URL
     * can create the object once and never replace it, so bytes confirmed by complete cannot change under
     * the record (a second PUT answers 412).
     */
    public PresignedUpload presignPut(String key, String contentType, long sizeBytes) {
        PresignedPutObjectRequest signed = links.presigner()
                .presignPutObject(p -> p.signatureDuration(config.uploadUrlTtl())
                        .putObjectRequest(r -> r.bucket(config.bucket())
                                .key(key)
                                .contentType(contentType)
                                .contentLength(sizeBytes)
                                .ifNoneMatch("*")));
        Map<String, String> headers = new TreeMap<>();
        signed.signedHeaders().forEach((name, values) -> {
            if (!"host".equalsIgnoreCase(name)) {
                headers.put(name, String.join(",", values));
            }
        });
        // What the ticket documents (UploadTicket): never a URL or headers past those bounds.
        if (headers.size() > UploadTicket.MAX_HEADERS
                || headers.values().stream().anyMatch(v -> v.length() > UploadTicket.HEADER_VALUE_MAX_LENGTH)) {
            throw new IllegalStateException("the presigned PUT signs more or longer headers than an upload ticket "
                    + "documents: " + headers.keySet());
        }
        return new PresignedUpload(MediaLinks.bounded(signed.url()), headers, signed.expiration());
    }

    public record PresignedUpload(URL url, Map<String, String> headers, Instant expiresAt) {}

    /** A short-lived GET of an uploaded object. */
    public URL presignGet(String key) {
        return links.presign(key, config.downloadUrlTtl());
    }

    /** A GET of a narration track, valid long enough to play it through. */
    public URL presignPlay(String key) {
        return links.presign(key, config.playUrlTtl());
    }

    public Optional<HeadObjectResponse> head(String key) {
        return unlessMissing(() -> s3.headObject(r -> r.bucket(config.bucket()).key(key)));
    }

    /** The object's bytes (transcription reads a recording); empty when it is not there (deleted meanwhile). */
    public Optional<byte[]> read(String key) {
        return unlessMissing(() ->
                s3.getObjectAsBytes(r -> r.bucket(config.bucket()).key(key)).asByteArray());
    }

    /** What {@code call} answers, or empty when S3 says the key is not there (any other failure is thrown). */
    private static <T> Optional<T> unlessMissing(Supplier<T> call) {
        try {
            return Optional.of(call.get());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public void put(String key, String contentType, byte[] bytes) {
        s3.putObject(r -> r.bucket(config.bucket()).key(key).contentType(contentType), RequestBody.fromBytes(bytes));
    }

    /**
     * Copies an object within the bucket (server side: no bytes through this service). False when {@code from} is
     * not there (deleted meanwhile).
     */
    public boolean copy(String from, String to) {
        return unlessMissing(() -> s3.copyObject(r -> r.sourceBucket(config.bucket())
                        .sourceKey(from)
                        .destinationBucket(config.bucket())
                        .destinationKey(to)))
                .isPresent();
    }

    public void delete(String key) {
        s3.deleteObject(r -> r.bucket(config.bucket()).key(key));
    }

    public void deleteAll(List<String> keys) {
        BucketObjects.deleteAll(s3, config.bucket(), keys);
    }

    /** Deletes every object under {@code prefix}; returns how many. */
    public int deletePrefix(String prefix) {
        return BucketObjects.deletePrefix(s3, config.bucket(), prefix);
    }

    public String mediaUrl(String key) {
        return config.urlPrefix() + key;
    }
}
