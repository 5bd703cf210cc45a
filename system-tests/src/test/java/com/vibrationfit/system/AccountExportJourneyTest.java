package com.vibrationfit.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A member with data in every service exports it through the gateway: one zip holding every service's part
 * and every media file (board image, journal photo and recording, narration). Then they leave, and the export
 * goes with everything else.
 */
@ExtendWith(PlatformUnderTest.class)
class AccountExportJourneyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aMemberExportsEverythingThenLeaves() throws Exception {
        AccountDeletionJourneyTest.Member m = AccountDeletionJourneyTest.newMemberWithDataEverywhere();

        long started = System.currentTimeMillis();
        String exportId = m.api()
                .post("/api/v1/account/exports")
                .then()
                .statusCode(202)
                .body("state", equalTo("collecting"))
                .extract()
                .path("id");
        m.api().post("/api/v1/account/exports").then().statusCode(409).contentType("application/problem+json");
        given().auth()
                .oauth2(Keycloak.token("alice"))
                .get("/api/v1/account/exports/" + exportId)
                .then()
                .statusCode(404);
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> "ready"
                        .equals(m.api()
                                .get("/api/v1/account/exports/" + exportId)
                                .then()
                                .statusCode(200)
                                .extract()
                                .path("state")));
        Duration took = Duration.ofMillis(System.currentTimeMillis() - started);
        JsonPath ready = m.api()
                .get("/api/v1/account/exports/" + exportId)
                .then()
                .extract()
                .jsonPath();
        System.out.println("[system-tests] export " + exportId + " ready in " + took.toMillis() + " ms ("
                + ready.getLong("size_bytes") + " bytes, " + ready.getInt("file_count") + " files)");

        HttpResponse<byte[]> download = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(ready.getString("download_url")))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, download.statusCode());
        Map<String, byte[]> zip = unzip(download.body());

        for (String service : List.of(
                "profile-service",
                "vision-service",
                "assessment-service",
                "journal-service",
                "media-service",
                "ai-usage-service")) {
            JsonNode part = JSON.readTree(zip.get("services/" + service + ".json"));
            assertEquals(m.id(), part.path("user_id").asText(), service);
            assertEquals(service, part.path("service").asText());
        }
        assertEquals(
                "Leaver",
                section(zip, "profile-service", "user_profiles")
                        .get(0)
                        .path("first_name")
                        .asText());
        assertEquals(
                "A vision to delete",
                section(zip, "vision-service", "vision_versions")
                        .get(0)
                        .path("title")
                        .asText());
        assertEquals(
                "A house by the sea",
                section(zip, "vision-service", "vision_board_items")
                        .get(0)
                        .path("name")
                        .asText());
        assertEquals(1, section(zip, "assessment-service", "assessment_results").size());
        assertEquals(
                "Last entry",
                section(zip, "journal-service", "journal_entries")
                        .get(0)
                        .path("title")
                        .asText());
        assertEquals(3, section(zip, "media-service", "media_objects").size());
        assertEquals(List.of("user", "assistant"), roles(section(zip, "ai-usage-service", "ai_conversations")));

        // Every media file, byte for byte: the three uploads and the narrated section.
        List<byte[]> media = new ArrayList<>();
        zip.forEach((name, bytes) -> {
            if (name.startsWith("media/")) {
                media.add(bytes);
            }
        });
        for (byte[] uploaded :
                List.of(Uploads.randomBytes(2500, 3), Uploads.randomBytes(3000, 4), Uploads.randomBytes(4000, 5))) {
            assertTrue(
                    media.stream().anyMatch(file -> Arrays.equals(file, uploaded)),
                    "an upload of " + uploaded.length + " bytes");
        }
        assertTrue(
                zip.keySet().stream().anyMatch(name -> name.startsWith("media/narration/") && name.endsWith(".mp3")),
                "the narration: " + zip.keySet());
        assertEquals(4, media.size(), zip.keySet().toString());
        JsonNode manifest = JSON.readTree(zip.get("manifest.json"));
        assertEquals(6, manifest.path("parts").size());
        assertEquals(4, manifest.path("files").size());
        assertEquals(0, manifest.path("missing_files").size());

        // Leaving takes the export with it: nothing under their prefix, no row anywhere.
        long deleting = System.currentTimeMillis();
        m.api()
                .body(Map.of("confirm", m.username()))
                .delete("/api/v1/account")
                .then()
                .statusCode(202);
        AccountDeletionJourneyTest.awaitGone(m, deleting);
    }

    @Test
    void anExportWaitsForAServiceThatWasKilledAndCompletesOnceItIsBack() throws Exception {
        AccountDeletionJourneyTest.Member m = AccountDeletionJourneyTest.newMemberWithDataEverywhere();
        PlatformUnderTest.kill("journal-service");
        String exportId;
        long started;
        try {
            started = System.currentTimeMillis();
            exportId = m.api()
                    .post("/api/v1/account/exports")
                    .then()
                    .statusCode(202)
                    .extract()
                    .path("id");
            String requested = exportId;
            // Every other service answers; the export waits for the one that is down.
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> {
                        JsonPath waiting = m.api()
                                .get("/api/v1/account/exports/" + requested)
                                .then()
                                .extract()
                                .jsonPath();
                        assertEquals("collecting", waiting.getString("state"));
                        assertEquals(List.of("journal-service"), waiting.getList("waiting_for"));
                    });
        } finally {
            PlatformUnderTest.vf("restart", "journal-service");
        }
        String id = exportId;
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> "ready"
                        .equals(m.api()
                                .get("/api/v1/account/exports/" + id)
                                .then()
                                .statusCode(200)
                                .extract()
                                .path("state")));
        System.out.println("[system-tests] export " + id + " with journal-service killed and restarted: ready in "
                + (System.currentTimeMillis() - started) + " ms");
        JsonPath ready =
                m.api().get("/api/v1/account/exports/" + id).then().extract().jsonPath();
        assertEquals(6, ready.getList("parts").size(), "each part once");
        HttpResponse<byte[]> download = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(ready.getString("download_url")))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        Map<String, byte[]> zip = unzip(download.body());
        assertEquals(
                "Last entry",
                section(zip, "journal-service", "journal_entries")
                        .get(0)
                        .path("title")
                        .asText());

        long deleting = System.currentTimeMillis();
        m.api()
                .body(Map.of("confirm", m.username()))
                .delete("/api/v1/account")
                .then()
                .statusCode(202);
        AccountDeletionJourneyTest.awaitGone(m, deleting);
    }

    private static JsonNode section(Map<String, byte[]> zip, String service, String name) throws Exception {
        return JSON.readTree(zip.get("services/" + service + ".json"))
                .path("data")
                .path(name);
    }

    private static List<String> roles(JsonNode rows) {
        List<String> roles = new ArrayList<>();
        rows.forEach(row -> roles.add(row.path("role").asText()));
        return roles;
    }

    private static Map<String, byte[]> unzip(byte[] archive) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }
}
