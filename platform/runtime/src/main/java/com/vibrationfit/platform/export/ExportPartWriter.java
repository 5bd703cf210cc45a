package com.vibrationfit.platform.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.vibrationfit.events.EventType;
import com.vibrationfit.events.Topics;
import com.vibrationfit.events.UserExportPartReady;
import com.vibrationfit.events.UserExportRequested;
import com.vibrationfit.platform.inbox.DeletedMembers;
import com.vibrationfit.platform.outbox.Outbox;
import com.vibrationfit.platform.time.DatabaseClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Writes this service's part of an export: every {@link UserDataExporter} fills one JSON document, read in a
 * transaction of its own under the member's row-level-security context into a temporary file; the document goes
 * to S3 under the member's prefix with no transaction open, and {@link #announce} then puts
 * {@code user.export.part.ready} in the outbox in the inbox entry's short transaction. A failure anywhere (S3 or
 * PostgreSQL away) is retried by the inbox; the object key is fixed, so a retry overwrites rather than adds. A
 * member deleted while their part was uploaded gets it deleted by the writer itself (the deletion sweep is the
 * second net).
 */
@ApplicationScoped
public class ExportPartWriter {

    private static final Logger LOG = Logger.getLogger(ExportPartWriter.class);

    private static final String AS_MEMBER =
            "select set_config('app.role', '', true), set_config('app.user_id', ?1, true)";
    private static final String AS_SYSTEM =
            "select set_config('app.role', 'system', true), set_config('app.user_id', '', true)";

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

    @Inject
    DeletedMembers deletedMembers;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    @ConfigProperty(name = "vf.media.bucket", defaultValue = "vibrationfit-media")
    String bucket;

    /** A part in S3, to be announced. */
    public record WrittenPart(String key, long size, int fileCount, Instant exportedAt) {}

    /**
     * Reads the member's data (its own transaction) and uploads the part (none); outside any transaction, system
     * context. Empty when this service stores no member data or the member is deleted.
     */
    public Optional<WrittenPart> write(UserExportRequested request) {
        if (exporters.isUnsatisfied()) {
            LOG.debugf("%s stores no member data: no part for export %s", service, request.exportId());
            return Optional.empty();
        }
        UUID userId = request.userId();
        Path file = null;
        try {
            Path into = file = Files.createTempFile("vf-export-part-", ".json");
            Instant exportedAt = DatabaseClock.now();
            Integer fileCount = QuarkusTransaction.requiringNew().call(() -> {
                if (deletedMembers.isDeleted(userId)) {
                    return null;
                }
                try (ExportPart part =
                        new ExportPart(userId, entityManager, mapper, into, service, request.exportId(), exportedAt)) {
                    entityManager
                            .createNativeQuery(AS_MEMBER)
                            .setParameter(1, userId.toString())
                            .getSingleResult();
                    try {
                        exporters.forEach(exporter -> exporter.export(userId, part));
                    } finally {
                        entityManager.createNativeQuery(AS_SYSTEM).getSingleResult();
                    }
                    part.finish();
                    return part.fileCount();
                }
            });
            if (fileCount == null) {
                return Optional.empty();
            }
            long size = Files.size(file);
            String key = ExportObjects.partKey(userId, request.exportId(), service);
            s3.putObject(r -> r.bucket(bucket).key(key).contentType("application/json"), RequestBody.fromFile(into));
            if (QuarkusTransaction.requiringNew().call(() -> deletedMembers.isDeleted(userId))) {
                s3.deleteObject(r -> r.bucket(bucket).key(key));
                return Optional.empty();
            }
            LOG.infof(
                    "export %s: %s wrote its part (%d bytes, %d file(s))",
                    request.exportId(), service, size, fileCount);
            return Optional.of(new WrittenPart(key, size, fileCount, exportedAt));
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

    /** Announces a written part: in the transaction of the {@code user.export.requested} inbox entry. */
    public void announce(UserExportRequested request, WrittenPart part) {
        outbox.record(
                Topics.EXPORT_PARTS,
                EventType.USER_EXPORT_PART_READY,
                request.userId(),
                new UserExportPartReady(
                        request.exportId(),
                        request.userId(),
                        service,
                        part.key(),
                        part.size(),
                        part.fileCount(),
                        part.exportedAt()));
    }
}
