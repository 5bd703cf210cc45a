package com.vibrationfit.profile.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.vibrationfit.platform.export.ExportObjects;
import com.vibrationfit.platform.media.MediaLinks;
import com.vibrationfit.platform.storage.BucketObjects;
import com.vibrationfit.platform.storage.MultipartUpload;
import com.vibrationfit.platform.time.DatabaseClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Builds an export's archive from the parts in S3 and streams it, as it is built, into an S3 multipart upload
 * next to them (memory: one 8 MiB part; local disk: none, whatever the member stored), and hands out short-lived
 * download URLs. An assembly that fails abandons its upload: no half archive is ever left.
 */
@ApplicationScoped
public class ExportAssembler {

    private static final Logger LOG = Logger.getLogger(ExportAssembler.class);

    @Inject
    S3Client s3;

    @Inject
    MediaLinks links;

    @Inject
    ObjectMapper mapper;

    @Inject
    ExportConfig config;

    @ConfigProperty(name = "vf.media.bucket", defaultValue = "vibrationfit-media")
    String bucket;

    /** The archive, written; what it holds. The caller marks the export ready. */
    public Assembled assemble(AccountExport export, List<ReceivedPart> parts) throws IOException {
        String key = ExportArchive.archiveKey(export.userId(), export.id());
        MultipartUpload upload = MultipartUpload.start(s3, bucket, key, "application/zip");
        ExportArchive.Contents contents;
        try {
            contents = new ExportArchive(mapper).write(export, parts, DatabaseClock.now(), new S3Source(), upload);
            upload.close();
        } catch (IOException | RuntimeException e) {
            upload.abort();
            throw e;
        }
        LOG.infof(
                "export %s assembled: %d part(s), %d file(s), %d bytes",
                export.id(), parts.size(), contents.files(), upload.size());
        return new Assembled(key, upload.size(), contents.files(), contents.missingFiles());
    }

    public record Assembled(String archiveKey, long bytes, int files, List<String> missingFiles) {}

    /** A GET of the archive that saves it under a dated name, valid for {@code vf.exports.download-url-ttl}. */
    public URL downloadUrl(AccountExport export) {
        return links.presign(
                export.archiveKey(),
                config.downloadUrlTtl(),
                r -> r.responseContentType("application/zip")
                        .responseContentDisposition("attachment; filename=\"" + ExportArchive.fileName(export) + "\""));
    }

    /** Deletes the parts only (after assembly): the archive stays. */
    public void deleteParts(AccountExport export) {
        deleteUnder(ExportObjects.exportFolder(export.userId(), export.id()) + "parts/");
    }

    /** Deletes everything of the export (failed or expired). */
    public void deleteAll(AccountExport export) {
        deleteUnder(ExportObjects.exportFolder(export.userId(), export.id()));
    }

    private void deleteUnder(String prefix) {
        BucketObjects.deletePrefix(s3, bucket, prefix);
    }

    private final class S3Source implements ExportArchive.Source {
        @Override
        public InputStream part(ReceivedPart part) {
            return s3.getObject(r -> r.bucket(bucket).key(part.objectKey()));
        }

        @Override
        public Optional<InputStream> file(String objectKey) {
            try {
                return Optional.of(s3.getObject(r -> r.bucket(bucket).key(objectKey)));
            } catch (NoSuchKeyException e) {
                return Optional.empty();
            } catch (S3Exception e) {
                if (e.statusCode() == 404) {
                    return Optional.empty();
                }
                throw e;
            }
        }
    }
}
