package com.vibrationfit.platform.storage;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * An object written to S3 as it is produced: an S3 multipart upload fed by an {@link OutputStream}, one part per
 * {@code partBytes} (S3 wants at least 5 MiB for every part but the last). Memory stays at one part whatever the
 * object's size, and nothing touches the local disk. {@link #close} completes the upload; {@link #abort} (or a
 * failed part) abandons it, so S3 keeps no half-written object and no orphaned parts.
 */
public final class MultipartUpload extends OutputStream {

    /** 8 MiB: above S3's 5 MiB minimum; 10,000 parts of it allow objects of 80 GiB. */
    public static final int DEFAULT_PART_BYTES = 8 * 1024 * 1024;

    private final S3Client s3;
    private final String bucket;
    private final String key;
    private final String uploadId;
    private final byte[] buffer;
    private final List<CompletedPart> parts = new ArrayList<>();
    private int filled;
    private long written;
    private boolean closed;

    private MultipartUpload(S3Client s3, String bucket, String key, String uploadId, int partBytes) {
        this.s3 = s3;
        this.bucket = bucket;
        this.key = key;
        this.uploadId = uploadId;
        this.buffer = new byte[partBytes];
    }

    public static MultipartUpload start(S3Client s3, String bucket, String key, String contentType) {
        return start(s3, bucket, key, contentType, DEFAULT_PART_BYTES);
    }

    public static MultipartUpload start(S3Client s3, String bucket, String key, String contentType, int partBytes) {
        String uploadId = s3.createMultipartUpload(
                        r -> r.bucket(bucket).key(key).contentType(contentType))
                .uploadId();
        return new MultipartUpload(s3, bucket, key, uploadId, partBytes);
    }

    /** Bytes written so far. */
    public long size() {
        return written;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (closed) {
            throw new IOException("the upload of " + key + " is closed");
        }
        while (length > 0) {
            int n = Math.min(length, buffer.length - filled);
            System.arraycopy(bytes, offset, buffer, filled, n);
            filled += n;
            offset += n;
            length -= n;
            written += n;
            if (filled == buffer.length) {
                sendPart();
            }
        }
    }

    private void sendPart() throws IOException {
        int number = parts.size() + 1;
        try {
            String etag = s3.uploadPart(
                            r -> r.bucket(bucket)
                                    .key(key)
                                    .uploadId(uploadId)
                                    .partNumber(number)
                                    .contentLength((long) filled),
                            RequestBody.fromBytes(Arrays.copyOf(buffer, filled)))
                    .eTag();
            parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
            filled = 0;
        } catch (RuntimeException e) {
            abort();
            throw new IOException("part " + number + " of " + key + " could not be uploaded: " + e.getMessage(), e);
        }
    }

    /** Sends the last part and completes the object. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        if (filled > 0 || parts.isEmpty()) {
            sendPart();
        }
        closed = true;
        try {
            s3.completeMultipartUpload(
                    r -> r.bucket(bucket).key(key).uploadId(uploadId).multipartUpload(m -> m.parts(parts)));
        } catch (RuntimeException e) {
            abortQuietly();
            throw new IOException("the upload of " + key + " could not be completed: " + e.getMessage(), e);
        }
    }

    /** Abandons the upload: S3 drops the parts sent so far. */
    public void abort() {
        if (!closed) {
            closed = true;
            abortQuietly();
        }
    }

    private void abortQuietly() {
        try {
            s3.abortMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId));
        } catch (RuntimeException ignored) {
            // Parts of an upload nobody completes stay until the bucket's AbortIncompleteMultipartUpload rule
            // drops them (deploy/k8s/README.md).
        }
    }
}
