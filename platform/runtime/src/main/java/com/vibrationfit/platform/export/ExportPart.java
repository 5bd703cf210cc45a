package com.vibrationfit.platform.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.hibernate.jpa.HibernateHints;

/**
 * One service's part of a member's export while it is being written: named sections of JSON and the media
 * files the archive must carry. Sections are written in the order they are added, straight to a file: rows are
 * read through a cursor and written one by one, so a member with years of journal entries never has their whole
 * part in memory. The document:
 * <pre>
 * {"format", "service", "export_id", "user_id", "exported_at",
 *  "data": {"&lt;section&gt;": [rows...] or a value, ...},
 *  "files": [{"object_key", "archive_path", "content_type", "size_bytes"}, ...]}
 * </pre>
 */
public final class ExportPart implements AutoCloseable {

    private static final int FETCH_SIZE = 500;

    private final UUID userId;
    private final EntityManager entityManager;
    private final ObjectMapper mapper;
    private final JsonGenerator out;
    private final Set<String> sections = new HashSet<>();
    private final Map<String, ExportedFile> files = new LinkedHashMap<>();
    private boolean finished;

    ExportPart(
            UUID userId,
            EntityManager entityManager,
            ObjectMapper mapper,
            Path file,
            String service,
            UUID exportId,
            Instant exportedAt)
            throws IOException {
        this.userId = userId;
        this.entityManager = entityManager;
        this.mapper = mapper;
        this.out = mapper.getFactory()
                .createGenerator(file.toFile(), JsonEncoding.UTF8)
                .useDefaultPrettyPrinter();
        out.writeStartObject();
        out.writeStringField("format", ExportObjects.FORMAT);
        out.writeStringField("service", service);
        out.writeStringField("export_id", exportId.toString());
        out.writeStringField("user_id", userId.toString());
        out.writeStringField("exported_at", exportedAt.toString());
        out.writeObjectFieldStart("data");
    }

    public UUID userId() {
        return userId;
    }

    /**
     * Adds section {@code name}: every row of {@code sql} (which binds the member's id as {@code ?1}) as a
     * JSON object with the table's own column names, in the query's order. The query runs under the member's
     * row-level-security context, so it can only ever see the member's rows.
     */
    public ExportPart rows(String name, String sql) {
        section(name);
        var query = entityManager
                .createNativeQuery("select cast(to_jsonb(r) as text) from (" + sql + ") r")
                .setHint(HibernateHints.HINT_FETCH_SIZE, FETCH_SIZE);
        if (sql.contains("?1")) {
            query.setParameter(1, userId);
        }
        try {
            out.writeStartArray();
            try (Stream<?> rows = query.getResultStream()) {
                rows.forEach(row -> {
                    try {
                        out.writeRawValue(row.toString()); // PostgreSQL's own JSON of the row, as it is
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
            out.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Adds section {@code name}: {@code value} as the API's JSON writes it. */
    public ExportPart value(String name, Object value) {
        section(name);
        try {
            mapper.writeValue(out, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /**
     * The archive carries the S3 object {@code objectKey} (one of the member's, under {@code users/{id}/}) as
     * {@code media/<the key below the member's prefix>}. {@code sizeBytes} may be null when not recorded.
     */
    public ExportPart file(String objectKey, String contentType, Long sizeBytes) {
        String prefix = ExportObjects.memberPrefix(userId);
        if (objectKey == null
                || !objectKey.startsWith(prefix)
                || objectKey.contains("..")
                || objectKey.startsWith(prefix + ExportObjects.EXPORTS_FOLDER)) {
            throw new IllegalArgumentException("not one of the member's media objects: " + objectKey);
        }
        files.put(
                objectKey,
                new ExportedFile(objectKey, "media/" + objectKey.substring(prefix.length()), contentType, sizeBytes));
        return this;
    }

    private void section(String name) {
        if (!sections.add(name)) {
            throw new IllegalArgumentException("section " + name + " was already added");
        }
        try {
            out.writeFieldName(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int fileCount() {
        return files.size();
    }

    /** Ends the data and writes the list of files: the document is complete. */
    void finish() throws IOException {
        out.writeEndObject();
        out.writeArrayFieldStart("files");
        for (ExportedFile file : files.values()) {
            mapper.writeValue(out, file);
        }
        out.writeEndArray();
        out.writeEndObject();
        finished = true;
        out.close();
    }

    /** Closes the file; a part not finished is incomplete and must not be used. */
    @Override
    public void close() throws IOException {
        if (!finished) {
            out.close();
        }
    }
}
