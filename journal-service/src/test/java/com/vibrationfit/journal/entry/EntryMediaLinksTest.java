package com.vibrationfit.journal.entry;

import static com.vibrationfit.platform.testing.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.vibrationfit.platform.testing.RawSql;
import com.vibrationfit.platform.testing.UploadedMedia;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An entry's photos and recordings come back with links a browser loads without a token: image_links beside
 * image_urls (same order), and a link in each audio_recordings element beside its url.
 */
@QuarkusTest
class EntryMediaLinksTest {

    @Inject
    S3Client s3;

    private final UUID alice = UUID.randomUUID();

    @Test
    void shouldLinkEveryPhotoAndRecordingToItsUploadedBytes() throws Exception {
        byte[] firstPhoto = UploadedMedia.randomBytes(3_000);
        byte[] secondPhoto = UploadedMedia.randomBytes(2_000);
        byte[] voice = UploadedMedia.randomBytes(5_000);
        String first = UploadedMedia.uploaded(s3, alice, "journal_image", "image/jpeg", firstPhoto);
        String second = UploadedMedia.uploaded(s3, alice, "journal_image", "image/png", secondPhoto);
        String recording = UploadedMedia.uploaded(s3, alice, "journal_audio", "audio/webm", voice);

        JsonPath created = as(alice)
                .body(Map.of(
                        "content",
                        "a walk by the sea",
                        "image_urls",
                        List.of(first, second),
                        "audio_recordings",
                        List.of(Map.of("url", recording, "type", "audio", "duration", 4.5))))
                .post("/api/v1/journal/entries")
                .then()
                .statusCode(201)
                .body("image_urls", equalTo(List.of(first, second)))
                .body("image_links", hasSize(2))
                .body("audio_recordings[0].url", equalTo(recording))
                .body("audio_recordings[0].duration", equalTo(4.5f))
                .extract()
                .jsonPath();

        UploadedMedia.assertLinksTo(created.getString("image_links[0]"), firstPhoto);
        UploadedMedia.assertLinksTo(created.getString("image_links[1]"), secondPhoto);
        UploadedMedia.assertLinksTo(created.getString("audio_recordings[0].link"), voice);

        // Reads link too (a fresh link each time), in the entry, the list and the recent entries alike.
        String id = created.getString("id");
        JsonPath read = as(alice)
                .get("/api/v1/journal/entries/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        UploadedMedia.assertLinksTo(read.getString("image_links[1]"), secondPhoto);
        UploadedMedia.assertLinksTo(read.getString("audio_recordings[0].link"), voice);
        JsonPath listed = as(alice)
                .get("/api/v1/journal/entries")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        UploadedMedia.assertLinksTo(listed.getString("items[0].image_links[0]"), firstPhoto);
        JsonPath recent = as(alice)
                .get("/api/v1/journal/entries/recent")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        UploadedMedia.assertLinksTo(recent.getString("[0].audio_recordings[0].link"), voice);
    }

    @Test
    void shouldServeAnAudioPlayersRangeRequestsThroughTheLink() throws Exception {
        byte[] voice = UploadedMedia.randomBytes(10_000);
        String recording = UploadedMedia.uploaded(s3, alice, "journal_audio", "audio/mpeg", voice);
        String link = as(alice)
                .body(Map.of("audio_recordings", List.of(Map.of("url", recording, "type", "audio", "duration", 1))))
                .post("/api/v1/journal/entries")
                .then()
                .statusCode(201)
                .extract()
                .path("audio_recordings[0].link");

        HttpResponse<byte[]> part = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(link))
                                .header("Range", "bytes=1000-1999")
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());

        assertEquals(206, part.statusCode());
        assertArrayEquals(Arrays.copyOfRange(voice, 1000, 2000), part.body());
    }

    @Test
    void shouldGiveNoLinkToAReferenceThatIsNotOneOfOurs() throws Exception {
        byte[] photo = UploadedMedia.randomBytes(1_000);
        String ours = UploadedMedia.uploaded(s3, alice, "journal_image", "image/jpeg", photo);
        String id = as(alice)
                .body(Map.of("image_urls", List.of(ours)))
                .post("/api/v1/journal/entries")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        // Data written before uploads went through media-service (an import): not a reference of ours.
        String legacy = "https://legacy.example.com/photos/a.jpg";
        RawSql.asUser(
                alice,
                "update journal_entries set image_urls = array['" + legacy + "', '" + ours + "'] where id = '" + id
                        + "'");

        JsonPath read = as(alice)
                .get("/api/v1/journal/entries/" + id)
                .then()
                .statusCode(200)
                .body("image_urls", equalTo(List.of(legacy, ours)))
                .body("image_links", hasSize(2))
                .body("image_links[0]", nullValue())
                .extract()
                .jsonPath();
        UploadedMedia.assertLinksTo(read.getString("image_links[1]"), photo);
    }

    @Test
    void shouldDocumentTheLinksAsShortLivedAndOnlyInResponses() {
        given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body(
                        "components.schemas.JournalEntryView.properties.image_links.description",
                        allOf(containsString("short-lived"), containsString("expires"), containsString("same order")))
                .body(
                        "components.schemas.JournalEntryView.properties.audio_recordings.items.'$ref'",
                        endsWith("RecordingView"))
                .body("components.schemas.RecordingView.properties.link.description", containsString("never store"))
                .body("components.schemas.NewJournalEntry.properties.image_links", nullValue())
                .body(
                        "components.schemas.NewJournalEntry.properties.audio_recordings.items.'$ref'",
                        endsWith("/Recording"))
                .body("components.schemas.Recording.properties.link", nullValue());
    }
}
