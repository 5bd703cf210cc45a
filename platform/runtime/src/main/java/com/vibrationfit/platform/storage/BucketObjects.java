package com.vibrationfit.platform.storage;

import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Bulk work on a bucket that more than one service does (media-service's purges, profile-service's exports). */
public final class BucketObjects {

    private BucketObjects() {
    }

    /** Deletes {@code keys}, 1,000 per request (the S3 limit). */
    public static void deleteAll(S3Client s3, String bucket, List<String> keys) {
        for (int from = 0; from < keys.size(); from += 1000) {
            List<ObjectIdentifier> batch = keys.subList(from, Math.min(keys.size(), from + 1000)).stream()
                    .map(k -> ObjectIdentifier.builder().key(k).build()).toList();
            s3.deleteObjects(r -> r.bucket(bucket).delete(Delete.builder().objects(batch).build()));
        }
    }

    /** Deletes every object under {@code prefix}; returns how many. */
    public static int deletePrefix(S3Client s3, String bucket, String prefix) {
        int deleted = 0;
        String token = null;
        do {
            String continuation = token;
            ListObjectsV2Response page = s3.listObjectsV2(r -> r.bucket(bucket).prefix(prefix).continuationToken(continuation));
            List<String> keys = page.contents().stream().map(o -> o.key()).toList();
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
}
