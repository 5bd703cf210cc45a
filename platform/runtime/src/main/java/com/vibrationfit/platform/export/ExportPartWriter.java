package com.vibrationfit.platform.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.vibrationfit.events.EventType;
import com.vibrationfit.events.Topics;
import com.vibrationfit.events.UserExportPartReady;
import com.vibrationfit.events.UserExportRequested;
import com.vibrationfit.platform.outbox.Outbox;
import com.vibrationfit.platform.time.DatabaseClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Writes this service's part of an export: every {@link UserDataExporter} fills one JSON document, read under
 * the member's own row-level-security context and streamed through a temporary file; the document goes to S3 under the member's prefix, and
 * {@code user.export.part.ready} goes to the outbox in the same transaction as the inbox entry. A failure
 * anywhere (S3 or PostgreSQL away) rolls back and the event is retried; the object key is fixed, so a retry
 * overwrites rather than adds.
 */
@ApplicationScoped
public class ExportPartWriter {

    private static final Logger LOG = Logger.getLogger(ExportPartWriter.class);

    private static final String AS_MEMBER = "select set_config('app.role', '', true), set_config('app.user_id', ?1, true)";
    private static final String AS_SYSTEM = "select set_config('app.role', 'system', true), set_config('app.user_id', '', true)";

    @Inject
    Instance<UserDataExporter> exporters;

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper mapper;

    @Inject
    Outbox outbox;

    @Inject
    S3Client s3;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    @ConfigProperty(name = "vf.media.bucket", defaultValue = "vibrationfit-media")
    String bucket;

    /** Must run in the transaction of the {@code user.export.requested} inbox entry (system context). */
    public void write(UserExportRequested request) {
        if (exporters.isUnsatisfied()) {
            LOG.debugf("%s stores no member data: no part for export %s", service, request.exportId());
            return;
        }
        UUID userId = request.userId();
        Path file = null;
        try {
            file = Files.createTempFile("vf-export-part-", ".json");
            Instant exportedAt = DatabaseClock.now();
            int fileCount;
            try (ExportPart part = new ExportPart(userId, entityManager, mapper, file, service, request.exportId(),
                    exportedAt)) {
                entityManager.flush();
                entityManager.createNativeQuery(AS_MEMBER).setParameter(1, userId.toString()).getSingleResult();
                try {
                    exporters.forEach(exporter -> exporter.export(userId, part));
                } finally {
                    entityManager.createNativeQuery(AS_SYSTEM).getSingleResult();
                }
                part.finish();
                fileCount = part.fileCount();
            }
            long size = Files.size(file);
            String key = ExportObjects.partKey(userId, request.exportId(), service);
            s3.putObject(r -> r.bucket(bucket).key(key).contentType("application/json"), RequestBody.fromFile(file));
            outbox.record(Topics.IDENTITY, EventType.USER_EXPORT_PART_READY, userId, new UserExportPartReady(
                    request.exportId(), userId, service, key, size, fileCount, exportedAt));
            LOG.infof("export %s: %s wrote its part (%d bytes, %d file(s))", request.exportId(), service, size,
                    fileCount);
        } catch (IOException e) {
            throw new UncheckedIOException("export part of " + service + " could not be written locally", e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    LOG.warnf("temporary export part %s not deleted: %s", file, e.getMessage());
                }
            }
        }
    }
}
