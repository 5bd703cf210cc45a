package com.vibrationfit.platform.storage;

import com.vibrationfit.platform.db.TransientFailure;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Error;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Bulk work on a bucket that more than one service does (media-service's purges, profile-service's exports). */
public final class BucketObjects {

    /**
     * Per-key error codes of a bulk delete that describe the moment, not the key: the batch is tried again. Any
     * other code (AccessDenied, for one) will come back on every attempt and is reported as such.
     */
    static final Set<String> TRANSIENT_ERROR_CODES =
            Set.of("InternalError", "SlowDown", "ServiceUnavailable", "RequestTimeout", "OperationAborted");

    private BucketObjects() {}

    /**
     * Deletes {@code keys}, 1,000 per request (the S3 limit). A bulk delete answers 200 even when some keys were
     * not deleted: its per-key errors are read, and any error fails the call ({@link TransientFailure} when every
     * code is a transient one, {@link ObjectsNotDeleted} otherwise), so a caller never forgets a key S3 kept.
     * A key that does not exist is not an error (S3 reports it as deleted).
     */
    public static void deleteAll(S3Client s3, String bucket, List<String> keys) {
        for (int from = 0; from < keys.size(); from += 1000) {
            List<ObjectIdentifier> batch = keys.subList(from, Math.min(keys.size(), from + 1000)).stream()
                    .map(k -> ObjectIdentifier.builder().key(k).build())
                    .toList();
            DeleteObjectsResponse response = s3.deleteObjects(r -> r.bucket(bucket)
                    .delete(Delete.builder().objects(batch).quiet(true).build()));
            List<S3Error> errors = response.errors().stream()
                    .filter(e -> !"NoSuchKey".equals(e.code()))
                    .toList();
            if (!errors.isEmpty()) {
                throw failureOf(bucket, errors);
            }
        }
    }

    static RuntimeException failureOf(String bucket, List<S3Error> errors) {
        String described = errors.stream()
                .limit(10)
                .map(e -> e.key() + " (" + e.code() + ": " + e.message() + ")")
                .collect(Collectors.joining(", "));
        String message = errors.size() + " object(s) of bucket " + bucket + " were not deleted: " + described
                + (errors.size() > 10 ? ", ..." : "");
        if (errors.stream().allMatch(e -> TRANSIENT_ERROR_CODES.contains(e.code()))) {
            return new TransientFailure(message);
        }
        return new ObjectsNotDeleted(message, errors.stream().map(S3Error::key).toList());
    }

    /** Deletes every object under {@code prefix}; returns how many. */
    public static int deletePrefix(S3Client s3, String bucket, String prefix) {
        return deletePrefix(s3, bucket, prefix, key -> true);
    }

    /** Deletes the objects under {@code prefix} whose key {@code which} accepts; returns how many. */
    public static int deletePrefix(S3Client s3, String bucket, String prefix, Predicate<String> which) {
        int deleted = 0;
        String token = null;
        do {
            String continuation = token;
            ListObjectsV2Response page =
                    s3.listObjectsV2(r -> r.bucket(bucket).prefix(prefix).continuationToken(continuation));
            List<String> keys =
                    page.contents().stream().map(o -> o.key()).filter(which).toList();
            if (!keys.isEmpty()) {
                deleteAll(s3, bucket, keys);
                deleted += keys.size();
            }
            token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
        } while (token != null);
        return deleted;
    }

    /** Creates the bucket unless it exists; whether it was created. Other S3 failures are thrown. */
    public static boolean createIfMissing(S3Client s3, String bucket) {
        try {
            s3.headBucket(r -> r.bucket(bucket));
            return false;
        } catch (NoSuchBucketException e) {
            s3.createBucket(r -> r.bucket(bucket));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
            s3.createBucket(r -> r.bucket(bucket));
            return true;
        }
    }

    /** Objects S3 refused to delete for a reason that will not pass by itself; the keys are kept for the report. */
    public static final class ObjectsNotDeleted extends RuntimeException {
        private final List<String> keys;

        ObjectsNotDeleted(String message, List<String> keys) {
            super(message);
            this.keys = List.copyOf(keys);
        }

        public List<String> keys() {
            return keys;
        }
    }
}
