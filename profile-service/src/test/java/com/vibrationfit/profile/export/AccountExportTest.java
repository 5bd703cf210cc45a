package com.vibrationfit.profile.export;

import static com.vibrationfit.platform.testing.Api.as;
import static com.vibrationfit.platform.testing.Api.problem;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vibrationfit.platform.testing.RawSql;
import com.vibrationfit.profile.Profiles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Exports end to end inside profile-service: its own part is written by the platform like any service's; the
 * other services' parts are written to S3 and announced on export.parts exactly as those services do.
 */
@QuarkusTest
class AccountExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BUCKET = OtherServices.BUCKET;
    private static final List<String> OTHERS = OtherServices.NAMES;

    @Inject
    S3Client s3;

    private final UUID alice = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();

    private void part(UUID user, String exportId, String service, String data, String files) {
        OtherServices.deliver(s3, user, exportId, service, data, files);
    }

    private static String file(String key, String path) {
        return "{\"object_key\":\"%s\",\"archive_path\":\"%s\",\"content_type\":\"image/png\",\"size_bytes\":3}"
                .formatted(key, path);
    }

    private JsonPath awaitState(UUID user, String exportId, String state) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> as(user).get("/api/v1/account/exports/" + exportId)
                        .then()
                        .statusCode(200)
                        .body("state", equalTo(state)));
        return as(user).get("/api/v1/account/exports/" + exportId)
                .then()
                .extract()
                .jsonPath();
    }

    @Test
    void shouldAssembleOneZipOfEveryPartAndTheMembersMediaFiles() throws Exception {
        Profiles.create(alice, Map.of("first_name", "Alice", "city", "Lisbon"));
        Profiles.create(bob, Map.of("first_name", "Bob"));
        String photoKey = "users/" + alice + "/journal_image/" + UUID.randomUUID() + ".png";
        s3.putObject(r -> r.bucket(BUCKET).key(photoKey), RequestBody.fromBytes(new byte[] {1, 2, 3}));
        String bobsKey = "users/" + bob + "/journal_image/" + UUID.randomUUID() + ".png";
        s3.putObject(r -> r.bucket(BUCKET).key(bobsKey), RequestBody.fromBytes(new byte[] {9, 9, 9}));

        var started = as(alice)
                .post("/api/v1/account/exports")
                .then()
                .statusCode(202)
                .body("state", equalTo("collecting"))
                .body("download_url", nullValue())
                .extract();
        String exportId = started.path("id");
        assertEquals(
                "/api/v1/account/exports/" + exportId,
                URI.create(started.header("Location")).getPath());
        // Its own part comes from profile-service's consumer; the others wait.
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> as(alice)
                        .get("/api/v1/account/exports/" + exportId)
                        .then()
                        .body("parts.service", containsInAnyOrder("profile-service"))
                        .body("waiting_for", containsInAnyOrder(OTHERS.toArray())));

        for (String service : OTHERS) {
            String files = "[]";
            if (service.equals("media-service")) {
                files = "[" + file(photoKey, "media/journal_image/photo.png") + ","
                        + file(
                                "users/" + alice + "/journal_image/deleted-since.png",
                                "media/journal_image/deleted-since.png")
                        + "," + file(bobsKey, "media/bobs.png") + "]";
            }
            part(alice, exportId, service, "{\"rows\":[{\"service\":\"" + service + "\"}]}", files);
        }
        // A part written twice (the writer retried after a failure) is recorded once.
        part(alice, exportId, "vision-service", "{\"rows\":[{\"service\":\"vision-service\"}]}", "[]");

        JsonPath ready = awaitState(alice, exportId, "ready");
        assertEquals(1, ready.getInt("file_count"));
        assertEquals(6, ready.getList("parts").size());
        assertEquals(List.of("media/journal_image/deleted-since.png"), ready.getList("missing_files"));
        assertTrue(ready.getLong("size_bytes") > 0);
        assertTrue(Instant.parse(ready.getString("expires_at"))
                .isAfter(Instant.now().plus(Duration.ofDays(6))));

        HttpResponse<byte[]> download = Archives.download(ready.getString("download_url"));
        assertTrue(
                download.headers().firstValue("content-disposition").orElse("").contains("vibrationfit-export-"));
        Map<String, byte[]> zip = Archives.unzip(download.body());

        assertEquals(
                Set.of(
                        "manifest.json",
                        "services/profile-service.json",
                        "services/vision-service.json",
                        "services/assessment-service.json",
                        "services/journal-service.json",
                        "services/media-service.json",
                        "services/ai-usage-service.json",
                        "media/journal_image/photo.png"),
                zip.keySet());
        assertArrayEquals(new byte[] {1, 2, 3}, zip.get("media/journal_image/photo.png"));
        JsonNode profile = JSON.readTree(zip.get("services/profile-service.json"));
        assertEquals(1, profile.path("data").path("user_profiles").size(), profile.toString());
        assertEquals(
                "Alice",
                profile.path("data")
                        .path("user_profiles")
                        .get(0)
                        .path("first_name")
                        .asText());
        assertEquals(1, profile.path("data").path("user_profiles").size(), "bob's profile is not in it");
        assertEquals(
                "vision-service",
                JSON.readTree(zip.get("services/vision-service.json"))
                        .path("data")
                        .path("rows")
                        .get(0)
                        .path("service")
                        .asText(),
                "each part as its service wrote it");
        JsonNode manifest = JSON.readTree(zip.get("manifest.json"));
        assertEquals(exportId, manifest.path("export_id").asText());
        assertEquals(6, manifest.path("parts").size());
        assertEquals(
                "media/journal_image/photo.png",
                manifest.path("files").get(0).path("path").asText());

        assertEquals(
                0,
                s3.listObjectsV2(r -> r.bucket(BUCKET).prefix("users/" + alice + "/exports/" + exportId + "/parts/"))
                        .keyCount(),
                "parts are deleted once assembled");
        // Another member cannot see it; without a token nothing.
        problem(as(bob).get("/api/v1/account/exports/" + exportId).then(), 404);
        given().get("/api/v1/account/exports/" + exportId).then().statusCode(401);
        as(alice).get("/api/v1/account/exports").then().statusCode(200).body("id", containsInAnyOrder(exportId));
        as(bob).get("/api/v1/account/exports").then().statusCode(200).body("id", not(Matchers.hasItem(exportId)));

        // Past its keep time the archive is deleted.
        RawSql.asSystem("update account_exports set expires_at = now() - interval '1 second' where id = '" + exportId
                + "' returning id");
        awaitState(alice, exportId, "expired");
        as(alice).get("/api/v1/account/exports/" + exportId).then().body("download_url", nullValue());
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertEquals(
                        0,
                        s3.listObjectsV2(r -> r.bucket(BUCKET).prefix("users/" + alice + "/exports/" + exportId + "/"))
                                .keyCount()));
    }

    @Test
    void shouldFailNamingTheServicesWhosePartNeverArrived() {
        String exportId = as(alice)
                .post("/api/v1/account/exports")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        problem(as(alice).post("/api/v1/account/exports").then(), 409).body("detail", containsString(exportId));
        part(alice, exportId, "vision-service", "{}", "[]");
        part(alice, exportId, "journal-service", "{}", "[]");

        JsonPath failed = awaitState(alice, exportId, "failed");
        String failure = failed.getString("failure");
        assertTrue(failure.startsWith("no part from "), failure);
        for (String missing : List.of("assessment-service", "media-service", "ai-usage-service")) {
            assertTrue(failure.contains(missing), failure);
        }
        for (String arrived : List.of("vision-service", "journal-service", "profile-service")) {
            assertFalse(failure.contains(arrived), failure);
        }
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertEquals(
                        0,
                        s3.listObjectsV2(r -> r.bucket(BUCKET).prefix("users/" + alice + "/exports/" + exportId + "/"))
                                .keyCount(),
                        "a failed export leaves nothing behind"));
        // A late part changes nothing; a new export may start.
        part(alice, exportId, "media-service", "{}", "[]");
        as(alice).post("/api/v1/account/exports").then().statusCode(202).body("id", not(equalTo(exportId)));
    }

    @Test
    void shouldAllowThreeExportsADayAndSayWhenTheNextIsAccepted() {
        UUID carol = UUID.randomUUID();
        // Earlier today: one 23 h ago and one an hour ago (both done), one that failed (ours, so it does not count).
        for (String[] earlier :
                new String[][] {{"expired", "23 hours"}, {"expired", "1 hour"}, {"failed", "30 minutes"}}) {
            RawSql.asSystem("""
                    insert into account_exports (id, user_id, state, expected_parts, requested_at, deadline_at)
                    values ('%s', '%s', '%s', '{profile-service}', now() - interval '%s', now())
                    returning id""".formatted(UUID.randomUUID(), carol, earlier[0], earlier[1]));
        }
        String third = as(carol)
                .post("/api/v1/account/exports")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        RawSql.asSystem("update account_exports set state = 'expired' where id = '" + third + "' returning id");

        var refused = problem(as(carol).post("/api/v1/account/exports").then(), 429)
                .body("detail", containsString("at most 3 exports per 24 hours"))
                .extract();
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(
                retryAfter > 3500 && retryAfter <= 3601, "the oldest leaves the day in about an hour: " + retryAfter);
        assertEquals(
                4,
                RawSql.asSystem("select 1 from account_exports where user_id = '" + carol + "'")
                        .size(),
                "nothing written for the refused request");
    }

    @Test
    void shouldAnswer404ForAnUnknownExport() {
        problem(as(alice).get("/api/v1/account/exports/" + UUID.randomUUID()).then(), 404);
        given().post("/api/v1/account/exports").then().statusCode(401);
    }
}
