package com.vibrationfit.journal.entry;

import static com.vibrationfit.platform.testing.Api.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.vibrationfit.platform.testing.SlowInserts;
import com.vibrationfit.platform.testing.UploadedMedia;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Transcripts media-service announces (media.recording.transcribed) reach the recordings of the entries that
 * reference the upload, whichever comes first (the entry or the transcript); a transcript the member wrote stays;
 * search finds an entry by the words of its recordings.
 */
@QuarkusTest
class RecordingTranscriptsTest {

    private final UUID alice = UUID.randomUUID();
    private final String word =
            "zephyr" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9-]", "q");

    private static Map<String, Object> recording(String url) {
        return Map.of("url", url, "type", "audio", "duration", 12.0);
    }

    private String entryWith(Map<String, Object> recording) {
        return as(alice)
                .body(Map.of("content", "A walk", "audio_recordings", List.of(recording)))
                .post("/api/v1/journal/entries")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void shouldFillTheTranscriptOfAnEntryWrittenBeforeItArrivedAndFindTheEntryByItsWords() {
        String url = UploadedMedia.of(alice, "journal_audio", "audio/webm");
        String id = entryWith(recording(url));
        as(alice)
                .get("/api/v1/journal/entries/" + id)
                .then()
                .statusCode(200)
                .body("audio_recordings[0].transcript_status", equalTo("pending"))
                .body("audio_recordings[0].transcript", nullValue());

        UploadedMedia.transcribed(alice, url, "completed", "I heard the " + word + " over the water", null);

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> as(alice)
                        .get("/api/v1/journal/entries/" + id)
                        .then()
                        .statusCode(200)
                        .body("audio_recordings[0].transcript", equalTo("I heard the " + word + " over the water"))
                        .body("audio_recordings[0].transcript_status", equalTo("completed")));
        as(alice)
                .queryParam("q", word)
                .get("/api/v1/journal/entries")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id));
        as(UUID.randomUUID())
                .queryParam("q", word)
                .get("/api/v1/journal/entries")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(id)));
    }

    @Test
    void shouldGiveAnEntryWrittenAfterTheTranscriptArrivedItsTranscriptAtOnce() {
        String url = UploadedMedia.of(alice, "journal_audio", "audio/webm");
        UploadedMedia.transcribed(alice, url, "completed", "morning pages " + word, null);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> as(alice)
                        .get("/api/v1/journal/entries/" + entryWith(recording(url)))
                        .then()
                        .body("audio_recordings[0].transcript", equalTo("morning pages " + word))
                        .body("audio_recordings[0].transcript_status", equalTo("completed")));
    }

    @Test
    void shouldFillTheTranscriptThatArrivesWhileTheEntryIsBeingWritten() throws Exception {
        String url = UploadedMedia.of(alice, "journal_audio", "audio/webm");
        String id;
        try (SlowInserts slow = SlowInserts.into("journal_entries", Duration.ofSeconds(2))) {
            // The write has read the recording's transcript as pending and sleeps in its insert ...
            CompletableFuture<String> write = CompletableFuture.supplyAsync(() -> entryWith(recording(url)));
            await().atMost(Duration.ofSeconds(10)).until(() -> SlowInserts.sleepers() > 0);
            // ... when the transcript arrives: it must reach the entry once the entry commits.
            UploadedMedia.transcribed(alice, url, "completed", "while I wrote " + word, null);
            id = write.get(20, TimeUnit.SECONDS);
        }
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> as(alice)
                        .get("/api/v1/journal/entries/" + id)
                        .then()
                        .statusCode(200)
                        .body("audio_recordings[0].transcript", equalTo("while I wrote " + word))
                        .body("audio_recordings[0].transcript_status", equalTo("completed")));
    }

    @Test
    void shouldKeepATranscriptTheMemberWroteAndSayWhyThereIsNone() {
        String written = UploadedMedia.of(alice, "journal_audio", "audio/webm");
        String id = entryWith(Map.of("url", written, "type", "audio", "duration", 3.0, "transcript", "my own words"));
        UploadedMedia.transcribed(alice, written, "completed", "the machine's words", null);
        String video = UploadedMedia.of(alice, "journal_video", "video/mp4");
        String videoEntry = entryWith(Map.of("url", video, "type", "video", "duration", 3.0));
        UploadedMedia.transcribed(alice, video, "unavailable", null, "video recordings are not transcribed");

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> as(alice)
                        .get("/api/v1/journal/entries/" + videoEntry)
                        .then()
                        .body("audio_recordings[0].transcript_status", equalTo("unavailable"))
                        .body("audio_recordings[0].transcript_note", equalTo("video recordings are not transcribed")));
        as(alice)
                .get("/api/v1/journal/entries/" + id)
                .then()
                .body("audio_recordings[0].transcript", equalTo("my own words"))
                .body("audio_recordings[0].transcript_status", equalTo("provided"));
    }
}
