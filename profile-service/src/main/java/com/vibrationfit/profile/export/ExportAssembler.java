package com.vibrationfit.profile.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.vibrationfit.platform.export.ExportObjects;
import com.vibrationfit.platform.storage.BucketObjects;
import com.vibrationfit.platform.time.DatabaseClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Builds an export's archive from the parts in S3 (through a temporary file, so media of any size streams
 * through), puts it next to them, and hands out short-lived download URLs.
 */
@ApplicationScoped
public class ExportAssembler {

    private static final Logger LOG = Logger.getLogger(ExportAssembler.class);

    @Inject
    S3Client s3;

    @Inject
    S3Presigner presigner;

    @Inject
    ObjectMapper mapper;

    @Inject
    ExportConfig config;

    @ConfigProperty(name = "vf.media.bucket", defaultValue = "vibrationfit-media")
    String bucket;

    /** The archive, written; what it holds. The caller marks the export ready. */
    public Assembled assemble(AccountExport export, List<ReceivedPart> parts) throws IOException {
        Path temporary = Files.createTempFile("vf-export-", ".zip");
        try {
            ExportArchive.Contents contents;
            try (OutputStream out = Files.newOutputStream(temporary)) {
                contents = new ExportArchive(mapper).write(export, parts, DatabaseClock.now(), new S3Source(), out);
            }
            String key = ExportArchive.archiveKey(export.userId(), export.id());
            s3.putObject(r -> r.bucket(bucket).key(key).contentType("application/zip"), RequestBody.fromFile(temporary));
            long bytes = Files.size(temporary);
            LOG.infof("export %s assembled: %d part(s), %d file(s), %d bytes", export.id(), parts.size(),
                    contents.files(), bytes);
            return new Assembled(key, bytes, contents.files(), contents.missingFiles());
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    public record Assembled(String archiveKey, long bytes, int files, List<String> missingFiles) {
    }

    /** A GET of the archive that saves it under a dated name, valid for {@code vf.exports.download-url-ttl}. */
    public URL downloadUrl(AccountExport export) {
        return presigner.presignGetObject(p -> p.signatureDuration(config.downloadUrlTtl())
                .getObjectRequest(r -> r.bucket(bucket).key(export.archiveKey()).responseContentType("application/zip")
                        .responseContentDisposition("attachment; filename=\"" + ExportArchive.fileName(export) + "\"")))
                .url();
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
