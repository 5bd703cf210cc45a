package com.vibrationfit.profile.export;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vibrationfit.platform.export.ExportObjects;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The layout of an export archive, independent of where its pieces come from:
 * <pre>
 * manifest.json              who, when, which parts and files
 * services/&lt;service&gt;.json    each service's part as it wrote it (tables by name, in "data")
 * media/&lt;path&gt;               every media file a part listed (the path below the member's S3 prefix)
 * </pre>
 * A listed file that is gone when the archive is built (deleted since) is named in the manifest's
 * {@code missing_files} instead. Parts and files are streamed, never held in memory whole and never copied to
 * the local disk: a part is read twice (once for its file list, once into the archive).
 */
public final class ExportArchive {

    /** Where the bytes come from. */
    public interface Source {
        /** The part's JSON document (the caller closes it). */
        InputStream part(ReceivedPart part) throws IOException;

        /** The object's bytes, or empty when it no longer exists. */
        Optional<InputStream> file(String objectKey) throws IOException;
    }

    /** What went into an archive. */
    public record Contents(int files, List<String> missingFiles) {}

    private final ObjectMapper mapper;

    public ExportArchive(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Writes the archive to {@code out} and finishes it; {@code out} stays open (the caller completes it). */
    public Contents write(
            AccountExport export, List<ReceivedPart> parts, Instant createdAt, Source source, OutputStream out)
            throws IOException {
        ObjectNode manifest = mapper.createObjectNode();
        manifest.put("format", ExportObjects.FORMAT);
        manifest.put("export_id", export.id().toString());
        manifest.put("user_id", export.userId().toString());
        manifest.put("requested_at", export.requestedAt().toString());
        manifest.put("created_at", createdAt.toString());
        ArrayNode partList = manifest.putArray("parts");
        ArrayNode fileList = manifest.putArray("files");
        List<String> missing = new ArrayList<>();
        Set<String> written = new LinkedHashSet<>();
        // Not closed on failure: closing would finish the archive, and the caller must abandon it instead.
        ZipOutputStream zip = new ZipOutputStream(out);
        for (ReceivedPart part : parts) {
            String name = "services/" + part.service() + ".json";
            JsonNode files;
            try (InputStream in = source.part(part)) {
                files = filesOf(in);
            }
            long partSize;
            zip.putNextEntry(new ZipEntry(name));
            try (InputStream in = source.part(part)) {
                partSize = in.transferTo(zip);
            }
            zip.closeEntry();
            partList.addObject()
                    .put("service", part.service())
                    .put("path", name)
                    .put("size_bytes", partSize);
            for (JsonNode file : files) {
                String key = file.path("object_key").asText();
                String path = file.path("archive_path").asText();
                if (!key.startsWith(ExportObjects.memberPrefix(export.userId()))
                        || ExportObjects.isExportObject(key, export.userId())
                        || !path.startsWith("media/")
                        || path.contains("..")
                        || !written.add(path)) {
                    continue; // never another member's object, never an export, never twice
                }
                Optional<InputStream> bytes = source.file(key);
                if (bytes.isEmpty()) {
                    missing.add(path);
                    written.remove(path);
                    continue;
                }
                long size;
                try (InputStream in = bytes.get()) {
                    zip.putNextEntry(new ZipEntry(path));
                    size = in.transferTo(zip);
                    zip.closeEntry();
                }
                fileList.addObject()
                        .put("path", path)
                        .put("service", part.service())
                        .put("content_type", file.path("content_type").asText(null))
                        .put("size_bytes", size);
            }
        }
        ArrayNode missingList = manifest.putArray("missing_files");
        missing.forEach(missingList::add);
        entry(zip, "manifest.json", mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
        zip.finish();
        return new Contents(written.size(), List.copyOf(missing));
    }

    /** The part's {@code files} list, read without building the rest (its data may be large). */
    private JsonNode filesOf(InputStream part) throws IOException {
        try (JsonParser parser = mapper.getFactory().createParser(part)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("an export part is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if ("files".equals(field)) {
                    // The rest of the document follows: only this value is read.
                    return mapper.readerFor(JsonNode.class)
                            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                            .readValue(parser);
                }
                parser.skipChildren();
            }
            return mapper.createArrayNode();
        }
    }

    private static void entry(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    /** The archive's file name when downloaded. */
    public static String fileName(AccountExport export) {
        return "vibrationfit-export-" + export.requestedAt().toString().substring(0, 10) + ".zip";
    }

    static String archiveKey(UUID userId, UUID exportId) {
        return ExportObjects.exportFolder(userId, exportId) + "vibrationfit-export.zip";
    }
}
