package com.vibrationfit.profile.export;

import static com.vibrationfit.platform.testing.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.vibrationfit.platform.testing.RawSql;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Asking for an export and reading its archive, as a member's browser would. */
final class Archives {

    private Archives() {}

    /**
     * Starts an export of {@code member} that waits 5 minutes for its parts (tests give parts 6 s to arrive; an
     * outage test outlasts that on purpose).
     */
    static String requestOutlastingOutages(UUID member) {
        String id = as(member)
                .post("/api/v1/account/exports")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        RawSql.asSystem("update account_exports set deadline_at = now() + interval '5 minutes' where id = '" + id
                + "' returning id");
        return id;
    }

    /** The download (presigned URL, straight from S3): 200 expected. */
    static HttpResponse<byte[]> download(String url) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        return response;
    }

    /** The ready export's archive, entry name to bytes, in archive order. */
    static Map<String, byte[]> entriesOf(UUID member, String exportId) throws IOException, InterruptedException {
        String url = as(member)
                .get("/api/v1/account/exports/" + exportId)
                .then()
                .extract()
                .path("download_url");
        return unzip(download(url).body());
    }

    static Map<String, byte[]> unzip(byte[] archive) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }
}
