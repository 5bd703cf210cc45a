package com.vibrationfit.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A member who disappears, three ways (they delete their account, an admin deletes them through our API, an
 * operator deletes them in Keycloak): within 5 seconds no service's database holds a row of theirs, no S3 object
 * remains under their prefix, their refresh token no longer works, and alice's and bob's data is untouched.
 */
@ExtendWith(PlatformUnderTest.class)
@org.junit.jupiter.api.TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccountDeletionJourneyTest {

    static final Duration WITHIN = Duration.ofSeconds(5);

    /** A member created in Keycloak for this test, with data in every service. */
    record Member(String id, String username, String accessToken, String refreshToken) {

        RequestSpecification api() {
            return given().auth().oauth2(accessToken).contentType(ContentType.JSON);
        }
    }

    static Member newMemberWithDataEverywhere() throws Exception {
        String username = "leaver-" + UUID.randomUUID().toString().substring(0, 8);
        String id = KeycloakAdmin.createUser(username);
        JsonPath tokens = KeycloakAdmin.login(username);
        Member m = new Member(id, username, tokens.getString("access_token"), tokens.getString("refresh_token"));

        // profile-service: a profile
        int saved = m.api()
                .body(Map.of("first_name", "Leaver", "city", "Porto"))
                .patch("/api/v1/profiles/me")
                .then()
                .extract()
                .statusCode();
        assertTrue(saved == 200 || saved == 201, "profile saved: " + saved);
        // vision-service and media-service: a vision with a narrated section (espeak-ng)
        String vision = m.api()
                .body(Map.of("title", "A vision to delete"))
                .post("/api/v1/visions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        m.api()
                .body(Map.of("health", "I am strong and rested."))
                .patch("/api/v1/visions/" + vision)
                .then()
                .statusCode(200);
        // media-service learns of the vision and then of its text from vision.events: wait for the text, then ask.
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> ServiceDatabases.mediaKnowsSectionText(vision, "health"));
        m.api()
                .body(Map.of("sections", List.of("health")))
                .post("/api/v1/media/visions/" + vision + "/audio/regenerate")
                .then()
                .statusCode(202)
                .body("tracks.find { it.section_key == 'health' }.status", notNullValue());
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> m.api()
                        .get("/api/v1/media/visions/" + vision + "/audio")
                        .then()
                        .statusCode(200)
                        .body("tracks.find { it.section_key == 'health' }.status", equalTo("completed")));
        // vision board: an item with an image
        JsonPath board =
                Uploads.upload(m.accessToken(), "vision_board_image", "image/jpeg", Uploads.randomBytes(2500, 3));
        m.api()
                .body(Map.of("name", "A house by the sea", "image_url", board.getString("media_url")))
                .post("/api/v1/vision-board/items")
                .then()
                .statusCode(201);
        // journal-service: an entry with a photo and a recording
        JsonPath photo = Uploads.upload(m.accessToken(), "journal_image", "image/jpeg", Uploads.randomBytes(3000, 4));
        JsonPath audio = Uploads.upload(m.accessToken(), "journal_audio", "audio/webm", Uploads.randomBytes(4000, 5));
        m.api()
                .body(Map.of(
                        "title",
                        "Last entry",
                        "content",
                        "Written before leaving.",
                        "image_urls",
                        List.of(photo.getString("media_url")),
                        "audio_recordings",
                        List.of(Map.of("url", audio.getString("media_url"), "type", "audio", "duration", 3.5))))
                .post("/api/v1/journal/entries")
                .then()
                .statusCode(201);
        // assessment-service: an assessment under way
        m.api().body(Map.of()).post("/api/v1/assessments").then().statusCode(201);
        // ai-usage-service: a balance and a conversation with VIVA
        String thread = m.api()
                .body(Map.of())
                .post("/api/v1/ai/conversations")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        m.api()
                .accept("application/json")
                .body(Map.of("message", "Goodbye?"))
                .post("/api/v1/ai/conversations/" + thread + "/messages")
                .then()
                .statusCode(201);

        Map<String, Integer> rows = ServiceDatabases.rowsOf(id);
        for (String database : ServiceDatabases.DATABASES) {
            assertTrue(
                    rows.keySet().stream().anyMatch(table -> table.startsWith(database + ".")),
                    "the member has rows in " + database + ": " + rows);
        }
        assertTrue(objectsUnder(id) >= 4, "objects under users/" + id);
        return m;
    }

    /** Files S3Proxy (filesystem backend of ./vf up) holds under users/{id}/ of the media bucket. */
    static long objectsUnder(String userId) throws IOException {
        Path prefix = new File(System.getProperty("vf.root", ".."))
                .toPath()
                .toAbsolutePath()
                .resolve(".vf/data/s3/vibrationfit-media/users/" + userId);
        if (!Files.exists(prefix)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(prefix)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    /** The keys of those files, relative to users/{id}/. */
    static List<String> objectKeysUnder(String userId) throws IOException {
        Path prefix = new File(System.getProperty("vf.root", ".."))
                .toPath()
                .toAbsolutePath()
                .resolve(".vf/data/s3/vibrationfit-media/users/" + userId);
        if (!Files.exists(prefix)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(prefix)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> prefix.relativize(file).toString())
                    .sorted()
                    .toList();
        }
    }

    static Map<String, Map<String, Integer>> demoMembersRows() throws Exception {
        return Map.of("alice", ServiceDatabases.rowsOf(Keycloak.ALICE), "bob", ServiceDatabases.rowsOf(Keycloak.BOB));
    }

    /**
     * alice's and bob's rows are what they were. media-service's sweepers may meanwhile delete an upload an earlier
     * journey left unreferenced (after its grace): a media table of theirs may shrink, nothing else may change.
     */
    static void assertUntouched(Map<String, Map<String, Integer>> before) throws Exception {
        Map<String, Map<String, Integer>> after = demoMembersRows();
        for (String member : before.keySet()) {
            Set<String> tables = new TreeSet<>(before.get(member).keySet());
            tables.addAll(after.get(member).keySet());
            for (String table : tables) {
                int was = before.get(member).getOrDefault(table, 0);
                int is = after.get(member).getOrDefault(table, 0);
                assertTrue(
                        is == was || table.startsWith("media.") && is < was,
                        member + "'s " + table + " went from " + was + " to " + is + " rows");
            }
        }
    }

    /** Everything of {@code m} gone within {@link #WITHIN} of {@code started}; returns how long it took. */
    static Duration awaitGone(Member m, long started) {
        await().atMost(WITHIN.minusMillis(System.currentTimeMillis() - started))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    // On a timeout the failure names what was left: the rows by table, the objects by key.
                    assertEquals(Map.of(), ServiceDatabases.rowsOf(m.id()), "rows of " + m.id());
                    assertEquals(List.of(), objectKeysUnder(m.id()), "objects under users/" + m.id());
                });
        Duration took = Duration.ofMillis(System.currentTimeMillis() - started);
        System.out.println("[system-tests] member " + m.id() + " purged everywhere in " + took.toMillis() + " ms");
        assertEquals(404, KeycloakAdmin.userStatus(m.id()));
        assertEquals(400, KeycloakAdmin.refresh(m.refreshToken()));
        // Their access token, still unexpired, is refused by every service now.
        m.api().get("/api/v1/profiles/me").then().statusCode(401);
        m.api().get("/api/v1/visions").then().statusCode(401);
        m.api().get("/api/v1/ai/balance").then().statusCode(401);
        return took;
    }

    @Test
    void aMemberDeletesTheirOwnAccount() throws Exception {
        Member m = newMemberWithDataEverywhere();
        Map<String, Map<String, Integer>> others = demoMembersRows();
        m.api()
                .body(Map.of("confirm", "not-" + m.username()))
                .delete("/api/v1/account")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("confirm"));
        long started = System.currentTimeMillis();
        m.api()
                .body(Map.of("confirm", m.username()))
                .delete("/api/v1/account")
                .then()
                .statusCode(202)
                .body("user_id", equalTo(m.id()))
                .body("origin", equalTo("member"));
        awaitGone(m, started);
        assertUntouched(others);
    }

    /**
     * The member leaves while work of every kind is under way: an export (every service writing its part, then the
     * archive; an earlier export's archive is ready), a narration, an upload, a VIVA reply and a journal entry. Within 5 s nothing of theirs remains, and
     * still nothing a minute later, when every late writer has finished or given up.
     */
    @Test
    @org.junit.jupiter.api.Order(10) // after the plain deletions: the platform is warm, as it is in production
    void aMemberLeavesWithWorkOfEveryKindInFlight() throws Exception {
        Member m = newMemberWithDataEverywhere();
        String vision =
                m.api().get("/api/v1/visions").then().statusCode(200).extract().path("items[0].id");
        m.api()
                .body(Map.of("money", "Money comes to me easily and often."))
                .patch("/api/v1/visions/" + vision)
                .then()
                .statusCode(200);
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> ServiceDatabases.mediaKnowsSectionText(vision, "money"));
        String thread = m.api()
                .body(Map.of())
                .post("/api/v1/ai/conversations")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        // An earlier export, ready: its archive must go too (and every service has written an export part before).
        String earlier = m.api()
                .post("/api/v1/account/exports")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> m.api()
                        .get("/api/v1/account/exports/" + earlier)
                        .then()
                        .statusCode(200)
                        .body("state", equalTo("ready")));

        ExecutorService inFlight = Executors.newFixedThreadPool(4);
        try {
            m.api().post("/api/v1/account/exports").then().statusCode(202);
            m.api()
                    .body(Map.of("sections", List.of("money")))
                    .post("/api/v1/media/visions/" + vision + "/audio/regenerate")
                    .then()
                    .statusCode(202);
            // An upload under way: its bytes are in S3, its completion races the deletion. (Bytes a client PUTs
            // with an older URL after the purge's sweep are a different promise: swept once that URL has died,
            // revoked_upload_keys, tested in media-service; a 5 s window cannot hold for them.)
            JsonPath upload = Uploads.put(m.accessToken(), "journal_image", "image/jpeg", Uploads.randomBytes(3000, 9));
            inFlight.submit(() -> Uploads.complete(m.accessToken(), upload));
            inFlight.submit(() -> m.api()
                    .accept("application/json")
                    .body(Map.of("message", "One more thing?"))
                    .post("/api/v1/ai/conversations/" + thread + "/messages"));
            inFlight.submit(() ->
                    m.api().body(Map.of("content", "Written while leaving.")).post("/api/v1/journal/entries"));
            long started = System.currentTimeMillis();
            m.api()
                    .body(Map.of("confirm", m.username()))
                    .delete("/api/v1/account")
                    .then()
                    .statusCode(202);
            awaitGone(m, started);
        } finally {
            inFlight.shutdown();
            inFlight.awaitTermination(30, TimeUnit.SECONDS);
        }
        // Late writers (a part, the archive, the MP3, the upload) either saw the deletion or are swept.
        Thread.sleep(60_000);
        assertEquals(Map.of(), ServiceDatabases.rowsOf(m.id()), "no row a minute later");
        assertEquals(0, objectsUnder(m.id()), "no object a minute later");
    }

    @Test
    void anAdminDeletesAUser() throws Exception {
        Member m = newMemberWithDataEverywhere();
        Map<String, Map<String, Integer>> others = demoMembersRows();
        given().auth()
                .oauth2(Keycloak.token("alice"))
                .delete("/api/v1/admin/users/" + m.id())
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        String admin = Keycloak.token("admin");
        long started = System.currentTimeMillis();
        given().auth()
                .oauth2(admin)
                .delete("/api/v1/admin/users/" + m.id())
                .then()
                .statusCode(202)
                .body("origin", equalTo("admin"));
        awaitGone(m, started);
        given().auth()
                .oauth2(Keycloak.token("admin"))
                .get("/api/v1/admin/users/" + m.id() + "/deletion")
                .then()
                .statusCode(200)
                .body("state", equalTo("announced"));
        assertUntouched(others);
    }

    @Test
    void anOperatorDeletesAUserInKeycloak() throws Exception {
        Member m = newMemberWithDataEverywhere();
        Map<String, Map<String, Integer>> others = demoMembersRows();
        String operator = KeycloakAdmin.adminToken(); // the clock starts at the deletion, not at the operator's login
        long started = System.currentTimeMillis();
        KeycloakAdmin.deleteUser(m.id(), operator);
        awaitGone(m, started);
        given().auth()
                .oauth2(Keycloak.token("admin"))
                .get("/api/v1/admin/users/" + m.id() + "/deletion")
                .then()
                .statusCode(200)
                .body("origin", equalTo("identity_provider"));
        assertUntouched(others);
    }

    @Test
    void aUserDeletedInKeycloakWhileProfileServiceIsDownIsPurgedOnceItIsBack() throws Exception {
        Member m = newMemberWithDataEverywhere();
        PlatformUnderTest.kill("profile-service");
        try {
            KeycloakAdmin.deleteUser(m.id());
            Thread.sleep(2_000);
            assertTrue(
                    !ServiceDatabases.rowsOf(m.id()).isEmpty(), "nothing can be purged while profile-service is down");
        } finally {
            PlatformUnderTest.vf("restart", "profile-service");
        }
        // Back up, it reads Keycloak's admin events from where it had got to: the deletion is announced and purged.
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    // On a timeout the failure names what was left: the rows by table, the objects by key.
                    assertEquals(Map.of(), ServiceDatabases.rowsOf(m.id()), "rows of " + m.id());
                    assertEquals(List.of(), objectKeysUnder(m.id()), "objects under users/" + m.id());
                });
        assertEquals(400, KeycloakAdmin.refresh(m.refreshToken()));
        given().auth()
                .oauth2(Keycloak.token("admin"))
                .get("/api/v1/admin/users/" + m.id() + "/deletion")
                .then()
                .statusCode(200)
                .body("origin", equalTo("identity_provider"))
                .body("state", equalTo("announced"));
    }
}
