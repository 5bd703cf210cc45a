package com.vibrationfit.journal.entry;

import static com.vibrationfit.platform.testing.Api.as;
import static com.vibrationfit.platform.testing.Api.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vibrationfit.events.Topics;
import com.vibrationfit.platform.paging.Cursor;
import com.vibrationfit.platform.testing.KafkaTopics;
import com.vibrationfit.platform.testing.RawSql;
import com.vibrationfit.platform.testing.TestTokens;
import com.vibrationfit.platform.testing.UploadedMedia;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.hamcrest.Matcher;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

@QuarkusTest
class JournalResourceTest {

    private final UUID alice = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();

    private String write(UUID user, Map<String, Object> body) {
        return as(user).body(body)
                .post("/api/v1/journal/entries")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static Map<String, Object> recording(String url, String type, double duration) {
        return Map.of(
                "url",
                url,
                "transcript",
                "Today I felt grateful.",
                "type",
                type,
                "category",
                "journal",
                "duration",
                duration);
    }

    @Test
    void shouldWriteAnEntryWithDefaults() {
        as(alice)
                .body(Map.of("content", "A quiet morning."))
                .post("/api/v1/journal/entries")
                .then()
                .statusCode(201)
                .header("ETag", notNullValue())
                .body("date", equalTo(LocalDate.now(ZoneId.of("UTC")).toString()))
                .body("title", nullValue())
                .body("categories", hasSize(0))
                .body("image_urls", hasSize(0))
                .body("audio_recordings", hasSize(0))
                .body("user_id", equalTo(alice.toString()));
    }

    @Test
    void shouldDateTheEntryInTheMembersTimeZone() {
        String kiritimati = LocalDate.now(ZoneId.of("Pacific/Kiritimati")).toString();
        String niue = LocalDate.now(ZoneId.of("Pacific/Niue")).toString();
        as(alice)
                .queryParam("tz", "Pacific/Kiritimati")
                .body(Map.of("content", "+14"))
                .post("/api/v1/journal/entries")
                .then()
                .statusCode(201)
                .body("date", equalTo(kiritimati));
        as(alice)
                .queryParam("tz", "Pacific/Niue")
                .body(Map.of("content", "-11"))
                .post("/api/v1/journal/entries")
                .then()
                .statusCode(201)
                .body("date", equalTo(niue));
        problem(
                        as(alice)
                                .queryParam("tz", "Mars/Olympus")
                                .body(Map.of("content", "x"))
                                .post("/api/v1/journal/entries")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("tz"));
    }

    @Test
    void shouldKeepPhotosAndRecordingsOfTheCallersUploads() {
        String photo = UploadedMedia.photo(alice);
        String voice = UploadedMedia.photo(alice);
        String id = write(
                alice,
                Map.of(
                        "title",
                        "Beach day",
                        "content",
                        "Sun and waves.",
                        "categories",
                        List.of("fun", "health"),
                        "image_urls",
                        List.of(photo),
                        "audio_recordings",
                        List.of(recording(voice, "audio", 42.5))));
        as(alice)
                .get("/api/v1/journal/entries/" + id)
                .then()
                .statusCode(200)
                .body("image_urls", equalTo(List.of(photo)))
                .body("categories", equalTo(List.of("fun", "health")))
                .body("audio_recordings[0].url", equalTo(voice))
                .body("audio_recordings[0].type", equalTo("audio"))
                .body("audio_recordings[0].duration", equalTo(42.5f))
                .body("audio_recordings[0].created_at", notNullValue());
        assertEquals(
                "[{\"url\": \"" + voice + "\"",
                RawSql.asUser(alice, "select audio_recordings::text a from journal_entries where id = '" + id + "'")
                        .get(0)
                        .get("a")
                        .toString()
                        .substring(0, voice.length() + 11),
                "stored as a JSONB array, snake_case");
    }

    @Test
    void shouldRefuseForeignAndUnknownMedia() {
        String bobs = UploadedMedia.photo(bob);
        problem(
                        as(alice)
                                .body(Map.of("content", "x", "image_urls", List.of(bobs)))
                                .post("/api/v1/journal/entries")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("image_urls[0]"));
        problem(
                        as(alice)
                                .body(Map.of("content", "x", "image_urls", List.of("https://example.com/cat.jpg")))
                                .post("/api/v1/journal/entries")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("image_urls[0]"));
        problem(
                        as(alice)
                                .body(Map.of(
                                        "content",
                                        "x",
                                        "audio_recordings",
                                        List.of(recording(UploadedMedia.neverUploaded(alice), "video", 3))))
                                .post("/api/v1/journal/entries")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("audio_recordings[0].url"));
        as(alice).get("/api/v1/journal/entries").then().body("items", hasSize(0));
    }

    @Test
    void shouldNameEveryBadField() {
        problem(
                        as(alice)
                                .body(Map.of("title", "t".repeat(201), "content", "c".repeat(100_001)))
                                .post("/api/v1/journal/entries")
                                .then(),
                        400)
                .body("errors.field", containsInAnyOrder("title", "content"));
        problem(
                        as(alice)
                                .body(Map.of("content", "x", "categories", List.of("fun", "yachts")))
                                .post("/api/v1/journal/entries")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("categories[1]"));
        String photo = UploadedMedia.photo(alice);
        problem(
                        as(alice)
                                .body(Map.of(
                                        "content", "x", "audio_recordings", List.of(recording(photo, "audio", -1))))
                                .post("/api/v1/journal/entries")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("audio_recordings[0].duration"));
        problem(
                        as(alice)
                                .body(Map.of(
                                        "content", "x", "audio_recordings", List.of(recording(photo, "hologram", 1))))
                                .post("/api/v1/journal/entries")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("audio_recordings[0].type"));
        problem(
                        as(alice)
                                .body(Map.of("content", "x", "mood", "happy"))
                                .post("/api/v1/journal/entries")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("mood"));
        problem(
                        as(alice)
                                .body(Map.of("date", "yesterday"))
                                .post("/api/v1/journal/entries")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("date"));
    }

    @Test
    void shouldEditWithIfMatchAndRefuseAStaleOne() {
        String id = write(alice, Map.of("content", "first draft"));
        String etag =
                as(alice).get("/api/v1/journal/entries/" + id).then().extract().header("ETag");
        as(alice)
                .header("If-Match", etag)
                .body(Map.of("content", "second draft", "categories", List.of("giving")))
                .patch("/api/v1/journal/entries/" + id)
                .then()
                .statusCode(200)
                .body("content", equalTo("second draft"))
                .body("categories", equalTo(List.of("giving")));
        problem(
                as(alice)
                        .header("If-Match", etag)
                        .body(Map.of("content", "lost update"))
                        .patch("/api/v1/journal/entries/" + id)
                        .then(),
                412);
        as(alice).get("/api/v1/journal/entries/" + id).then().body("content", equalTo("second draft"));
    }

    @Test
    void shouldAppendAndRemoveRecordings() {
        String id = write(alice, Map.of("content", "voice notes"));
        String first = UploadedMedia.photo(alice);
        String second = UploadedMedia.photo(alice);
        as(alice)
                .body(recording(first, "audio", 10))
                .post("/api/v1/journal/entries/" + id + "/recordings")
                .then()
                .statusCode(200)
                .body("audio_recordings", hasSize(1));
        as(alice)
                .body(recording(second, "video", 20))
                .post("/api/v1/journal/entries/" + id + "/recordings")
                .then()
                .statusCode(200)
                .body("audio_recordings.url", equalTo(List.of(first, second)));
        as(alice)
                .delete("/api/v1/journal/entries/" + id + "/recordings/0")
                .then()
                .statusCode(200)
                .body("audio_recordings.url", equalTo(List.of(second)));
        problem(
                as(alice)
                        .delete("/api/v1/journal/entries/" + id + "/recordings/5")
                        .then(),
                404);
        problem(
                        as(alice)
                                .body(recording(UploadedMedia.neverUploaded(alice), "audio", 1))
                                .post("/api/v1/journal/entries/" + id + "/recordings")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("url"));
    }

    @Test
    void shouldRankTheBestMatchFirstAndIgnoreOtherMembers() {
        write(alice, Map.of("title", "Groceries", "content", "Bought bread. Thought about surfing briefly."));
        String best = write(alice, Map.of("title", "Surfing", "content", "Surfing at dawn; surfing is my joy."));
        write(alice, Map.of("title", "Work", "content", "Long meeting."));
        write(bob, Map.of("title", "Surfing too", "content", "surfing surfing surfing"));
        as(alice)
                .queryParam("q", "surfing")
                .get("/api/v1/journal/entries")
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].id", equalTo(best))
                .body("items.user_id", everyItemIs(alice.toString()));
        as(alice)
                .queryParam("q", "surfed")
                .get("/api/v1/journal/entries")
                .then()
                .body("items", hasSize(2));
    }

    private static Matcher<Iterable<? extends String>> everyItemIs(String value) {
        return Matchers.everyItem(equalTo(value));
    }

    @Test
    void shouldCombineFilters() {
        String photo = UploadedMedia.photo(alice);
        write(alice, Map.of("date", "2026-01-05", "content", "january fun", "categories", List.of("fun")));
        String wanted = write(
                alice,
                Map.of(
                        "date",
                        "2026-02-10",
                        "content",
                        "february fun with a photo",
                        "categories",
                        List.of("fun"),
                        "image_urls",
                        List.of(photo)));
        write(alice, Map.of("date", "2026-02-11", "content", "february money", "categories", List.of("money")));
        write(alice, Map.of("date", "2026-03-01", "content", "march fun", "categories", List.of("fun")));
        as(alice)
                .queryParam("from", "2026-02-01")
                .queryParam("to", "2026-02-28")
                .queryParam("category", "fun")
                .get("/api/v1/journal/entries")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(wanted)));
        as(alice)
                .queryParam("has_media", "true")
                .get("/api/v1/journal/entries")
                .then()
                .body("items.id", equalTo(List.of(wanted)));
        as(alice)
                .queryParam("category", "fun")
                .queryParam("has_media", "false")
                .get("/api/v1/journal/entries")
                .then()
                .body("items.content", equalTo(List.of("march fun", "january fun")));
        String cursor = as(alice)
                .queryParam("limit", 2)
                .get("/api/v1/journal/entries")
                .then()
                .body("items.date", equalTo(List.of("2026-03-01", "2026-02-11")))
                .extract()
                .path("next_cursor");
        as(alice)
                .queryParam("limit", 2)
                .queryParam("cursor", cursor)
                .get("/api/v1/journal/entries")
                .then()
                .body("items.date", equalTo(List.of("2026-02-10", "2026-01-05")))
                .body("next_cursor", nullValue());
        problem(
                        as(alice)
                                .queryParam("from", "2026-03-01")
                                .queryParam("to", "2026-02-01")
                                .get("/api/v1/journal/entries")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("to"));
        problem(
                        as(alice)
                                .queryParam("category", "yachts")
                                .queryParam("has_media", "maybe")
                                .queryParam("from", "May 1st")
                                .get("/api/v1/journal/entries")
                                .then(),
                        400)
                .body("errors.field", containsInAnyOrder("category", "has_media", "from"));
        // The bounds the OpenAPI document states for the parameters (@Size) are the ones enforced.
        problem(
                        as(alice)
                                .queryParam("q", "w".repeat(JournalResource.QUERY_MAX_LENGTH + 1))
                                .queryParam("cursor", "c".repeat(Cursor.MAX_LENGTH + 1))
                                .get("/api/v1/journal/entries")
                                .then(),
                        400)
                .body("errors.field", containsInAnyOrder("q", "cursor"));
        as(alice)
                .queryParam("q", "w".repeat(JournalResource.QUERY_MAX_LENGTH))
                .get("/api/v1/journal/entries")
                .then()
                .statusCode(200);
        problem(
                        as(alice)
                                .queryParam("tz", "Europe/" + "x".repeat(JournalResource.TIME_ZONE_MAX_LENGTH))
                                .get("/api/v1/journal/stats")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("tz"));
    }

    @Test
    void shouldListRecentEntriesNewestWrittenFirst() {
        for (int i = 1; i <= 12; i++) {
            write(alice, Map.of("content", "entry " + i, "date", "2025-01-" + String.format("%02d", 13 - i)));
        }
        as(alice)
                .get("/api/v1/journal/entries/recent")
                .then()
                .statusCode(200)
                .body("$", hasSize(10))
                .body("[0].content", equalTo("entry 12"));
        as(alice)
                .queryParam("limit", 3)
                .get("/api/v1/journal/entries/recent")
                .then()
                .body("$", hasSize(3));
    }

    @Test
    void shouldCountCategoriesMonthsAndStreaks() {
        LocalDate today = LocalDate.now(ZoneId.of("UTC"));
        write(alice, Map.of("date", today.toString(), "content", "a", "categories", List.of("fun", "health")));
        write(alice, Map.of("date", today.minusDays(1).toString(), "content", "b", "categories", List.of("fun")));
        write(alice, Map.of("date", today.minusDays(2).toString(), "content", "c"));
        write(alice, Map.of("date", "2020-06-01", "content", "old"));
        as(alice)
                .get("/api/v1/journal/stats")
                .then()
                .statusCode(200)
                .body("total_entries", equalTo(4))
                .body("entries_per_category.fun", equalTo(2))
                .body("entries_per_category.health", equalTo(1))
                .body("entries_per_category.money", equalTo(0))
                .body("entries_per_category.size()", equalTo(12))
                .body("entries_per_month.'2020-06'", equalTo(1))
                .body("current_streak", equalTo(3))
                .body("longest_streak", equalTo(3));
    }

    @Test
    void shouldDeleteAndAnnounceTheMediaTheEntryReferenced() {
        String photo = UploadedMedia.photo(alice);
        String id = write(alice, Map.of("content", "to delete", "image_urls", List.of(photo)));
        as(alice).delete("/api/v1/journal/entries/" + id).then().statusCode(204);
        problem(as(alice).get("/api/v1/journal/entries/" + id).then(), 404);
        var deleted = KafkaTopics.read(
                Topics.JOURNAL,
                Duration.ofSeconds(20),
                r -> alice.toString().equals(r.key())
                        && "journal.entry.deleted".equals(KafkaTopics.header(r, "ce_type")),
                1);
        assertEquals(1, deleted.size());
        assertTrue(deleted.get(0).value().contains(photo));
    }

    @Test
    void shouldHideAnotherMembersEntriesBehind404() {
        String id = write(alice, Map.of("content", "private"));
        problem(as(bob).get("/api/v1/journal/entries/" + id).then(), 404);
        problem(
                as(bob).body(Map.of("content", "mine"))
                        .patch("/api/v1/journal/entries/" + id)
                        .then(),
                404);
        problem(as(bob).delete("/api/v1/journal/entries/" + id).then(), 404);
        problem(
                as(bob).delete("/api/v1/journal/entries/" + id + "/recordings/0")
                        .then(),
                404);
        as(bob).get("/api/v1/journal/entries").then().body("items", hasSize(0));
        as(alice).get("/api/v1/journal/entries/" + id).then().statusCode(200).body("content", equalTo("private"));
    }

    @Test
    void shouldShowAnUnfilteredQueryOnlyTheCallersRows() {
        write(alice, Map.of("content", "alice 1"));
        write(bob, Map.of("content", "bob 1"));
        var rows = RawSql.asUser(alice, "select user_id from journal_entries");
        assertTrue(rows.stream().allMatch(r -> alice.equals(r.get("user_id"))) && !rows.isEmpty());
        assertEquals(0, RawSql.withoutContext("select * from journal_entries").size());
    }

    @Test
    void shouldRequireAValidToken() {
        given().get("/api/v1/journal/entries").then().statusCode(401);
        given().auth()
                .oauth2(TestTokens.wrongAudience(alice))
                .get("/api/v1/journal/stats")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(TestTokens.expired(alice))
                .get("/api/v1/journal/entries/recent")
                .then()
                .statusCode(401);
    }

    @Test
    void shouldForgetADeletedUser() {
        write(alice, Map.of("content", "gone soon"));
        KafkaTopics.publish(
                Topics.IDENTITY,
                UUID.randomUUID(),
                "user.deleted",
                alice,
                "{\"user_id\":\"" + alice + "\",\"deleted_at\":\"2026-01-01T00:00:00Z\"}");
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> RawSql.asSystem("select * from journal_entries where user_id = '" + alice + "'")
                        .isEmpty());
    }
}
