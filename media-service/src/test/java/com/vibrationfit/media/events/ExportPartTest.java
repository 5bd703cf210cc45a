package com.vibrationfit.media.events;

import static com.vibrationfit.platform.testing.Api.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.vibrationfit.media.VisionEventsFixture;
import com.vibrationfit.platform.testing.ExportParts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * media-service's part of an export: the list of the member's uploads and narration tracks, and every uploaded
 * object and completed track as a file for the archive; nothing pending, nothing of anyone else's.
 */
@QuarkusTest
class ExportPartTest {

    @Inject
    S3Client s3;

    private final UUID alice = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();

    private String upload(UUID user, boolean complete) throws Exception {
        byte[] bytes = new byte[512];
        JsonPath ticket = as(user).body(
                        Map.of("purpose", "journal_image", "content_type", "image/png", "size_bytes", 512))
                .post("/api/v1/media/uploads")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        if (complete) {
            HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(ticket.getString("upload_url")))
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
            Map<String, String> headers = ticket.getMap("headers");
            headers.forEach((name, value) -> {
                if (!name.equalsIgnoreCase("content-length")) {
                    put.header(name, value);
                }
            });
            assertEquals(
                    200,
                    HttpClient.newHttpClient()
                            .send(put.build(), HttpResponse.BodyHandlers.discarding())
                            .statusCode());
            as(user).post("/api/v1/media/uploads/" + ticket.getString("id") + "/complete")
                    .then()
                    .statusCode(200);
        }
        return ticket.getString("key");
    }

    @Test
    void shouldListUploadsAndTracksAndCarryTheirFiles() throws Exception {
        String photo = upload(alice, true);
        upload(alice, false); // never completed: not part of the member's data
        upload(bob, true);
        UUID vision = UUID.randomUUID();
        VisionEventsFixture.completed(UUID.randomUUID(), alice, vision, VisionEventsFixture.texts("export", "fun"));
        await().atMost(Duration.ofSeconds(40))
                .untilAsserted(() -> as(alice)
                        .get("/api/v1/media/visions/" + vision + "/audio")
                        .then()
                        .statusCode(200)
                        .body("tracks.findAll { it.status == 'completed' }", hasSize(1)));

        ExportParts.Part part = ExportParts.of(alice, "media-service", s3);

        assertEquals(1, part.rows("media_objects").size());
        assertEquals(photo, part.rows("media_objects").get(0).path("s3_key").asText());
        assertEquals(1, part.rows("audio_tracks").size());
        String track = part.rows("audio_tracks").get(0).path("s3_key").asText();
        Set<String> files = new HashSet<>();
        for (JsonNode file : part.document().path("files")) {
            files.add(file.path("object_key").asText());
            assertEquals(
                    "media/" + file.path("object_key").asText().substring(("users/" + alice + "/").length()),
                    file.path("archive_path").asText());
        }
        assertEquals(Set.of(photo, track), files);
        assertEquals(2, part.announcement().path("file_count").asInt());
    }
}
