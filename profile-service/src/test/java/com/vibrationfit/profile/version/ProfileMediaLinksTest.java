package com.vibrationfit.profile.version;

import static com.vibrationfit.platform.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.vibrationfit.platform.testing.UploadedMedia;
import com.vibrationfit.profile.Profiles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A profile's picture, progress photos and story recordings come back with links a browser loads without a
 * token: profile_picture_link, progress_photo_links, and a link in each story_recordings element.
 */
@QuarkusTest
class ProfileMediaLinksTest {

    @Inject
    S3Client s3;

    private final UUID alice = UUID.randomUUID();

    @Test
    void shouldLinkThePictureThePhotosAndTheRecordingsToTheirUploadedBytes() {
        byte[] pictureBytes = UploadedMedia.randomBytes(3_000);
        byte[] photoBytes = UploadedMedia.randomBytes(2_000);
        byte[] storyBytes = UploadedMedia.randomBytes(6_000);
        String picture = UploadedMedia.uploaded(s3, alice, "profile_picture", "image/jpeg", pictureBytes);
        String photo = UploadedMedia.uploaded(s3, alice, "progress_photo", "image/png", photoBytes);
        String story = UploadedMedia.uploaded(s3, alice, "story_recording", "audio/mpeg", storyBytes);

        ExtractableResponse<Response> created = as(alice)
                .body(Map.of(
                        "city",
                        "Lisbon",
                        "profile_picture_url",
                        picture,
                        "progress_photos",
                        List.of(photo),
                        "story_recordings",
                        List.of(Map.of(
                                "url", story, "transcript", "I wake up rested.", "type", "audio", "duration", 12.5))))
                .patch("/api/v1/profiles/me")
                .then()
                .statusCode(201)
                .body("profile_picture_url", equalTo(picture))
                .body("progress_photos", equalTo(List.of(photo)))
                .body("progress_photo_links", hasSize(1))
                .body("story_recordings", hasSize(1))
                .body("story_recordings[0].url", equalTo(story))
                .body("story_recordings[0].transcript", equalTo("I wake up rested."))
                .extract();
        JsonPath version = created.jsonPath();
        UploadedMedia.assertLinksTo(version.getString("profile_picture_link"), pictureBytes);
        UploadedMedia.assertLinksTo(version.getString("progress_photo_links[0]"), photoBytes);
        UploadedMedia.assertLinksTo(version.getString("story_recordings[0].link"), storyBytes);
        assertEquals(
                1,
                created.asString().split("\"story_recordings\"", -1).length - 1,
                "story_recordings appears once: the linked list replaces the stored one");

        JsonPath me = as(alice)
                .get("/api/v1/profiles/me")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        UploadedMedia.assertLinksTo(me.getString("profile_picture_link"), pictureBytes);
        UploadedMedia.assertLinksTo(me.getString("story_recordings[0].link"), storyBytes);
        JsonPath listed = as(alice)
                .get("/api/v1/profiles")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        UploadedMedia.assertLinksTo(listed.getString("items[0].profile_picture_link"), pictureBytes);
    }

    @Test
    void shouldLinkTheOldAndTheNewPictureOfAChange() {
        byte[] oldBytes = UploadedMedia.randomBytes(1_500);
        byte[] newBytes = UploadedMedia.randomBytes(1_700);
        String oldPicture = UploadedMedia.uploaded(s3, alice, "profile_picture", "image/jpeg", oldBytes);
        String newPicture = UploadedMedia.uploaded(s3, alice, "profile_picture", "image/jpeg", newBytes);
        Profiles.create(alice, Map.of("city", "Lisbon", "profile_picture_url", oldPicture));
        String draft = Profiles.draft(alice);
        as(alice)
                .body(Map.of("city", "Porto", "profile_picture_url", newPicture))
                .patch("/api/v1/profiles/" + draft)
                .then()
                .statusCode(200);

        JsonPath changes = as(alice)
                .get("/api/v1/profiles/" + draft + "/changes")
                .then()
                .statusCode(200)
                .body("changes.find { it.field == 'city' }.old_link", nullValue())
                .body("changes.find { it.field == 'city' }.new_link", nullValue())
                .extract()
                .jsonPath();
        UploadedMedia.assertLinksTo(
                changes.getString("changes.find { it.field == 'profile_picture_url' }.old_link"), oldBytes);
        UploadedMedia.assertLinksTo(
                changes.getString("changes.find { it.field == 'profile_picture_url' }.new_link"), newBytes);
    }

    @Test
    void shouldGiveNoLinkWithoutAPicture() {
        as(alice)
                .body(Map.of("city", "Lisbon"))
                .patch("/api/v1/profiles/me")
                .then()
                .statusCode(201)
                .body("profile_picture_url", nullValue())
                .body("profile_picture_link", nullValue());
    }
}
