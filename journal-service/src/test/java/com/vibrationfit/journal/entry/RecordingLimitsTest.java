package com.vibrationfit.journal.entry;

import static com.vibrationfit.platform.testing.Api.as;
import static com.vibrationfit.platform.testing.Api.problem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.vibrationfit.platform.testing.RawSql;
import com.vibrationfit.platform.testing.UploadedMedia;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** An entry holds at most 20 recordings, each URL once, however they are added (create, edit, append). */
@QuarkusTest
class RecordingLimitsTest {

    private final UUID alice = UUID.randomUUID();

    /** {@code count} URLs journal-service knows as alice's uploads (projected directly, as media.events would). */
    private List<String> uploads(int count) {
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            urls.add(UploadedMedia.neverUploaded(alice));
        }
        RawSql.asSystem("insert into known_media (media_url, user_id, purpose, content_type, uploaded_at) values "
                + urls.stream()
                        .map(url -> "('" + url + "', '" + alice + "', 'journal_audio', 'audio/webm', now())")
                        .collect(Collectors.joining(", ")));
        return urls;
    }

    private static Map<String, Object> recording(String url) {
        return Map.of("url", url, "type", "audio", "duration", 2.0);
    }

    @Test
    void shouldRefuseAppendingA21stRecording() {
        List<String> urls = uploads(21);
        String id = as(alice)
                .body(Map.of(
                        "content",
                        "Twenty voices",
                        "audio_recordings",
                        urls.subList(0, 20).stream()
                                .map(RecordingLimitsTest::recording)
                                .toList()))
                .post("/api/v1/journal/entries")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        // Before: 200, and the entry held 21 although create and edit stop at 20.
        problem(
                        as(alice)
                                .body(recording(urls.get(20)))
                                .post("/api/v1/journal/entries/" + id + "/recordings")
                                .then(),
                        409)
                .body("detail", containsString("audio_recordings"))
                .body("detail", containsString("at most 20"));
        as(alice).get("/api/v1/journal/entries/" + id).then().statusCode(200).body("audio_recordings", hasSize(20));
        as(alice)
                .delete("/api/v1/journal/entries/" + id + "/recordings/0")
                .then()
                .statusCode(200);
        as(alice)
                .body(recording(urls.get(20)))
                .post("/api/v1/journal/entries/" + id + "/recordings")
                .then()
                .statusCode(200)
                .body("audio_recordings", hasSize(20))
                .body("audio_recordings[19].url", equalTo(urls.get(20)));
    }

    @Test
    void shouldRefuseTheSameUrlTwiceInOneEntry() {
        List<String> urls = uploads(2);
        String id = as(alice)
                .body(Map.of("content", "One voice", "audio_recordings", List.of(recording(urls.get(0)))))
                .post("/api/v1/journal/entries")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        // Before: 200 with the same recording listed twice.
        problem(
                        as(alice)
                                .body(recording(urls.get(0)))
                                .post("/api/v1/journal/entries/" + id + "/recordings")
                                .then(),
                        409)
                .body("detail", containsString("already has a recording with this url"));
        problem(
                        as(alice)
                                .body(Map.of(
                                        "content",
                                        "x",
                                        "audio_recordings",
                                        List.of(
                                                recording(urls.get(1)),
                                                recording(urls.get(0)),
                                                recording(urls.get(1)))))
                                .post("/api/v1/journal/entries")
                                .then(),
                        400)
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("audio_recordings[2].url"));
        problem(
                        as(alice)
                                .body(Map.of(
                                        "audio_recordings", List.of(recording(urls.get(1)), recording(urls.get(1)))))
                                .patch("/api/v1/journal/entries/" + id)
                                .then(),
                        400)
                .body("errors[0].field", equalTo("audio_recordings[1].url"));
        as(alice).get("/api/v1/journal/entries/" + id).then().statusCode(200).body("audio_recordings", hasSize(1));
    }
}
