package com.vibrationfit.platform.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One service's part of a member's export while it is being written: named sections of JSON and the media
 * files the archive must carry. Sections are written in the order they are added.
 */
public final class ExportPart {

    private final UUID userId;
    private final EntityManager entityManager;
    private final ObjectMapper mapper;
    private final ObjectNode data;
    private final Map<String, ExportedFile> files = new LinkedHashMap<>();

    ExportPart(UUID userId, EntityManager entityManager, ObjectMapper mapper) {
        this.userId = userId;
        this.entityManager = entityManager;
        this.mapper = mapper;
        this.data = mapper.createObjectNode();
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
        var query = entityManager.createNativeQuery(
                "select cast(coalesce(jsonb_agg(to_jsonb(r)), '[]'::jsonb) as text) from (" + sql + ") r");
        if (sql.contains("?1")) {
            query.setParameter(1, userId);
        }
        Object json = query.getSingleResult();
        try {
            return section(name, mapper.readTree(json.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds section {@code name}: {@code value} as the API's JSON writes it. */
    public ExportPart value(String name, Object value) {
        return section(name, mapper.valueToTree(value));
    }

    /**
     * The archive carries the S3 object {@code objectKey} (one of the member's, under {@code users/{id}/}) as
     * {@code media/<the key below the member's prefix>}. {@code sizeBytes} may be null when not recorded.
     */
    public ExportPart file(String objectKey, String contentType, Long sizeBytes) {
        String prefix = ExportObjects.memberPrefix(userId);
        if (objectKey == null || !objectKey.startsWith(prefix) || objectKey.contains("..")
                || objectKey.startsWith(prefix + ExportObjects.EXPORTS_FOLDER)) {
            throw new IllegalArgumentException("not one of the member's media objects: " + objectKey);
        }
        files.put(objectKey, new ExportedFile(objectKey, "media/" + objectKey.substring(prefix.length()),
                contentType, sizeBytes));
        return this;
    }

    private ExportPart section(String name, JsonNode value) {
        if (data.has(name)) {
            throw new IllegalArgumentException("section " + name + " was already added");
        }
        data.set(name, value);
        return this;
    }

    int fileCount() {
        return files.size();
    }

    /** The part's JSON document: who, what, and the files to carry. */
    ObjectNode document(String service, UUID exportId, java.time.Instant exportedAt) {
        ObjectNode document = mapper.createObjectNode();
        document.put("format", ExportObjects.FORMAT);
        document.put("service", service);
        document.put("export_id", exportId.toString());
        document.put("user_id", userId.toString());
        document.put("exported_at", exportedAt.toString());
        document.set("data", data);
        ArrayNode list = document.putArray("files");
        files.values().forEach(file -> list.add(mapper.valueToTree(file)));
        return document;
    }
}
