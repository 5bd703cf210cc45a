package com.vibrationfit.profile.version;

import static com.vibrationfit.platform.testing.Api.as;
import static com.vibrationfit.platform.testing.Api.problem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import com.vibrationfit.platform.testing.UploadedMedia;
import com.vibrationfit.profile.Profiles;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each bad field is a 400 problem naming it, and nothing is written. */
@QuarkusTest
class ProfileValidationTest {

    private final UUID alice = UUID.randomUUID();

    static List<Object[]> badFields() {
        return List.of(
                new Object[] {"travel_frequency", "daily", "travel_frequency"},
                new Object[] {"social_preference", "shy", "social_preference"},
                new Object[] {"lifestyle_category", "lavish", "lifestyle_category"},
                new Object[] {"date_of_birth", LocalDate.now().plusDays(1).toString(), "date_of_birth"},
                new Object[] {"date_of_birth", "1850-01-01", "date_of_birth"},
                new Object[] {"date_of_birth", "2023-02-30", "date_of_birth"},
                new Object[] {"number_of_children", -1, "number_of_children"},
                new Object[] {"countries_visited", -3, "countries_visited"},
                new Object[] {"height", -170, "height"},
                new Object[] {"weight", 100_000, "weight"},
                new Object[] {"number_of_children", "two", "number_of_children"},
                new Object[] {"passport", "yes please", "passport"},
                new Object[] {"email", "not-an-email", "email"},
                new Object[] {"email", "a@b", "email"},
                new Object[] {"phone", "call me maybe", "phone"},
                new Object[] {"phone", "12", "phone"},
                new Object[] {"first_name", "x".repeat(201), "first_name"},
                new Object[] {"current_story", "x".repeat(20_001), "current_story"},
                new Object[] {"hobbies", List.of("surf", " "), "hobbies[1]"},
                new Object[] {"children_ages", "7", "children_ages"},
                new Object[] {
                    "story_recordings",
                    List.of(Map.of("url", "s3://vibrationfit-media/x", "type", "audio")),
                    "story_recordings[0].duration"
                },
                new Object[] {
                    "story_recordings",
                    List.of(Map.of("url", "u", "type", "hologram", "duration", 1)),
                    "story_recordings[0].type"
                },
                new Object[] {"version_notes", 42, "version_notes"},
                new Object[] {"favourite_colour", "green", "favourite_colour"},
                new Object[] {"first_name", "tab\u0007bell", "first_name"});
    }

    @ParameterizedTest
    @MethodSource("badFields")
    void shouldRefuseABadFieldNamingIt(String field, Object value, String named) {
        String id = Profiles.create(alice, Map.of("first_name", "Alice"));
        Map<String, Object> body = new HashMap<>();
        body.put(field, value);
        problem(as(alice).body(body).patch("/api/v1/profiles/me").then(), 400).body("errors.field", hasItem(named));
        as(alice)
                .get("/api/v1/profiles/" + id)
                .then()
                .body("first_name", equalTo("Alice"))
                .body("version_number", equalTo(1));
    }

    @ParameterizedTest
    @MethodSource("readOnlyFields")
    void shouldRefuseWritingAReadOnlyColumn(String field) {
        Profiles.create(alice, Map.of("first_name", "Alice"));
        Map<String, Object> body = new HashMap<>();
        body.put(field, 1);
        problem(as(alice).body(body).patch("/api/v1/profiles/me").then(), 400)
                .body("errors[0].field", equalTo(field))
                .body("errors[0].message", containsString("read-only"));
    }

    static List<String> readOnlyFields() {
        return List.of(
                "id",
                "user_id",
                "version_number",
                "is_draft",
                "is_active",
                "parent_version_id",
                "completion_percentage",
                "vibe_assistant_tokens_used",
                "vibe_assistant_tokens_remaining",
                "vibe_assistant_total_cost",
                "token_rollover_cycles",
                "token_last_drip_date",
                "auto_topup_enabled",
                "auto_topup_pack_id",
                "storage_quota_gb",
                "ai_tags",
                "created_at",
                "updated_at");
    }

    @Test
    void shouldKeepChildrenConsistent() {
        problem(
                        as(alice)
                                .body(Map.of(
                                        "has_children", true, "number_of_children", 2, "children_ages", List.of("4")))
                                .patch("/api/v1/profiles/me")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("children_ages"));
        problem(
                        as(alice)
                                .body(Map.of("has_children", false, "number_of_children", 2))
                                .patch("/api/v1/profiles/me")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("has_children"));
        problem(as(alice).get("/api/v1/profiles/me").then(), 404); // nothing was written
        as(alice)
                .body(Map.of("has_children", true, "number_of_children", 2, "children_ages", List.of("4", "7")))
                .patch("/api/v1/profiles/me")
                .then()
                .statusCode(201)
                .body("children_ages", equalTo(List.of("4", "7")));
    }

    @Test
    void shouldReportEveryBadFieldAtOnce() {
        problem(
                        as(alice)
                                .body(Map.of("travel_frequency", "daily", "email", "nope", "height", -1))
                                .patch("/api/v1/profiles/me")
                                .then(),
                        400)
                .body("errors", hasSize(3));
    }

    @Test
    void shouldRefuseABodyThatIsNoObject() {
        problem(as(alice).body("[1,2]").patch("/api/v1/profiles/me").then(), 400);
        problem(as(alice).body("{\"first_name\": ").patch("/api/v1/profiles/me").then(), 400);
        problem(
                        as(alice)
                                .body(Map.of("version_notes", "x".repeat(2001)))
                                .post("/api/v1/profiles/drafts")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("version_notes"));
    }

    @Test
    void shouldAcceptOnlyTheMembersOwnConfirmedUploads() {
        UUID bob = UUID.randomUUID();
        String picture = UploadedMedia.of(alice, "profile_picture", "image/jpeg");
        String progress = UploadedMedia.of(alice, "progress_photo", "image/png");
        String story = UploadedMedia.of(alice, "story_recording", "audio/mpeg");
        String bobs = UploadedMedia.of(bob, "profile_picture", "image/jpeg");

        problem(
                        as(alice)
                                .body(Map.of("profile_picture_url", bobs))
                                .patch("/api/v1/profiles/me")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("profile_picture_url"));
        problem(
                        as(alice)
                                .body(Map.of("progress_photos", List.of(progress, UploadedMedia.neverUploaded(alice))))
                                .patch("/api/v1/profiles/me")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("progress_photos[1]"));
        problem(
                        as(alice)
                                .body(Map.of(
                                        "story_recordings",
                                        List.of(Map.of(
                                                "url", "https://evil.example/x.mp3", "type", "audio", "duration", 3))))
                                .patch("/api/v1/profiles/me")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("story_recordings[0].url"));
        problem(as(alice).get("/api/v1/profiles/me").then(), 404);

        as(alice)
                .body(Map.of(
                        "profile_picture_url",
                        picture,
                        "progress_photos",
                        List.of(progress),
                        "story_recordings",
                        List.of(Map.of(
                                "url",
                                story,
                                "transcript",
                                "I wake up rested.",
                                "type",
                                "audio",
                                "category",
                                "health",
                                "duration",
                                12.5))))
                .patch("/api/v1/profiles/me")
                .then()
                .statusCode(201)
                .body("profile_picture_url", equalTo(picture))
                .body("progress_photos", equalTo(List.of(progress)))
                .body("story_recordings[0].url", equalTo(story))
                .body("story_recordings[0].transcript", equalTo("I wake up rested."))
                .body("story_recordings[0].duration", equalTo(12.5f))
                .body("story_recordings[0].created_at", Matchers.notNullValue());
    }
}
