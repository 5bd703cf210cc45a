package com.vibrationfit.profile.version;

import static com.vibrationfit.platform.testing.Api.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.vibrationfit.platform.testing.UploadedMedia;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A story recording gets the transcript media-service announces for its upload (media.recording.transcribed), in
 * the profile that references it; a failure says why.
 */
@QuarkusTest
class StoryTranscriptsTest {

    private final UUID alice = UUID.randomUUID();

    @Test
    void shouldFillTheStoryRecordingsTranscriptWhenItArrives() {
        String story = UploadedMedia.of(alice, "story_recording", "audio/webm");
        String failing = UploadedMedia.of(alice, "story_recording", "audio/ogg");
        as(alice)
                .body(Map.of(
                        "city",
                        "Porto",
                        "story_recordings",
                        List.of(
                                Map.of("url", story, "type", "audio", "duration", 30.0),
                                Map.of("url", failing, "type", "audio", "duration", 5.0))))
                .patch("/api/v1/profiles/me")
                .then()
                .statusCode(201)
                .body("story_recordings[0].transcript_status", equalTo("pending"))
                .body("story_recordings[0].transcript", nullValue());

        UploadedMedia.transcribed(alice, story, "completed", "My days start by the river.", null);
        UploadedMedia.transcribed(alice, failing, "failed", null, "not enough AI tokens: 3 remaining, 9 required");

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> as(alice)
                        .get("/api/v1/profiles/me")
                        .then()
                        .statusCode(200)
                        .body("story_recordings[0].transcript", equalTo("My days start by the river."))
                        .body("story_recordings[0].transcript_status", equalTo("completed"))
                        .body("story_recordings[1].transcript_status", equalTo("failed"))
                        .body(
                                "story_recordings[1].transcript_note",
                                equalTo("not enough AI tokens: 3 remaining, 9 required")));
    }
}
