package com.vibrationfit.profile.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/** The archive's layout and what it refuses to carry. */
class ExportArchiveTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final UUID alice = UUID.randomUUID();
    private final UUID exportId = UUID.randomUUID();
    private final AccountExport export = new AccountExport(
            exportId,
            alice,
            "collecting",
            List.of("media-service"),
            Instant.parse("2026-12-05T10:00:00Z"),
            Instant.parse("2026-12-05T10:10:00Z"),
            null,
            null,
            null,
            List.of(),
            null,
            null,
            null,
            null);

    private String file(String key, String path) {
        return "{\"object_key\":\"" + key + "\",\"archive_path\":\"" + path + "\",\"content_type\":\"image/png\"}";
    }

    @Test
    void shouldCarryEachPartAndEachOfTheMembersFilesOnceAndNameTheMissingOnes() throws Exception {
        String own = "users/" + alice + "/journal_image/a.png";
        String gone = "users/" + alice + "/journal_image/gone.png";
        String someoneElses = "users/" + UUID.randomUUID() + "/journal_image/b.png";
        String anExport = "users/" + alice + "/exports/" + UUID.randomUUID() + "/vibrationfit-export.zip";
        String part = "{\"service\":\"media-service\",\"data\":{},\"files\":["
                + String.join(
                        ",",
                        file(own, "media/journal_image/a.png"),
                        file(own, "media/journal_image/a.png"),
                        file(gone, "media/journal_image/gone.png"),
                        file(someoneElses, "media/journal_image/b.png"),
                        file(anExport, "media/exports/x.zip"),
                        file(own, "media/../../etc/passwd"))
                + "]}";
        Map<String, byte[]> objects =
                Map.of(own, new byte[] {7, 7}, someoneElses, new byte[] {6}, anExport, new byte[] {5});

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportArchive.Contents contents = new ExportArchive(JSON)
                .write(
                        export,
                        List.of(new ReceivedPart(
                                "media-service",
                                "users/" + alice + "/exports/p.json",
                                part.length(),
                                6,
                                Instant.now())),
                        Instant.parse("2026-12-05T10:00:03Z"),
                        new ExportArchive.Source() {
                            @Override
                            public InputStream part(ReceivedPart p) {
                                return new ByteArrayInputStream(part.getBytes(StandardCharsets.UTF_8));
                            }

                            @Override
                            public Optional<InputStream> file(String key) {
                                return Optional.ofNullable(objects.get(key)).map(ByteArrayInputStream::new);
                            }
                        },
                        out);

        Map<String, byte[]> zip = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                zip.put(e.getName(), in.readAllBytes());
            }
        }
        assertEquals(
                List.of("services/media-service.json", "media/journal_image/a.png", "manifest.json"),
                List.copyOf(zip.keySet()));
        assertArrayEquals(new byte[] {7, 7}, zip.get("media/journal_image/a.png"));
        assertEquals(1, contents.files());
        assertEquals(List.of("media/journal_image/gone.png"), contents.missingFiles());
        JsonNode manifest = JSON.readTree(zip.get("manifest.json"));
        assertEquals(exportId.toString(), manifest.path("export_id").asText());
        assertEquals("vibrationfit-export/1", manifest.path("format").asText());
        assertEquals(2, manifest.path("files").get(0).path("size_bytes").asInt());
        assertEquals(
                "media/journal_image/gone.png",
                manifest.path("missing_files").get(0).asText());
        assertEquals("vibrationfit-export-2026-12-05.zip", ExportArchive.fileName(export));
    }
}
