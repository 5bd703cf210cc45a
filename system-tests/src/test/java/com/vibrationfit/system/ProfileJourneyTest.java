package com.vibrationfit.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Alice keeps her profile as versions through the gateway: she saves it, drafts a change with a profile photo
 * uploaded through media-service, commits it, sees what changed, rolls back; Bob sees none of it.
 * Repeatable on a running platform: it starts by deleting a draft left by an earlier run.
 */
@ExtendWith(PlatformUnderTest.class)
class ProfileJourneyTest {

    private final String token = Keycloak.token("alice");
    private final String city = "Town-" + UUID.randomUUID().toString().substring(0, 8);

    private RequestSpecification alice() {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    private RequestSpecification bob() {
        return given().auth().oauth2(Keycloak.token("bob")).contentType(ContentType.JSON);
    }

    private String uploadProfilePicture() throws Exception {
        return Uploads.upload(token, "profile_picture", "image/jpeg", Uploads.randomBytes(2000, 7))
                .getString("media_url");
    }

    @Test
    void aliceDraftsCommitsComparesAndRollsBackHerProfileWhileBobSeesNothing() throws Exception {
        // Leftovers of an earlier run on the same platform.
        List<Map<String, Object>> versions = alice().queryParam("limit", 100)
                .get("/api/v1/profiles")
                .then()
                .statusCode(200)
                .extract()
                .path("items");
        versions.stream()
                .filter(v -> Boolean.TRUE.equals(v.get("is_draft")))
                .forEach(v ->
                        alice().delete("/api/v1/profiles/" + v.get("id")).then().statusCode(204));

        int saved = alice().body(Map.of("first_name", "Alice", "city", "Lisbon", "travel_frequency", "yearly"))
                .patch("/api/v1/profiles/me")
                .then()
                .extract()
                .statusCode();
        Assertions.assertTrue(saved == 200 || saved == 201, "first save 201, later 200: " + saved);
        String before = alice().get("/api/v1/profiles/me")
                .then()
                .statusCode(200)
                .header("ETag", notNullValue())
                .body("city", equalTo("Lisbon"))
                .extract()
                .path("id");

        String picture = uploadProfilePicture();
        String draft = alice().body(Map.of("version_notes", "moving"))
                .post("/api/v1/profiles/drafts")
                .then()
                .statusCode(201)
                .body("parent_version_id", equalTo(before))
                .body("city", equalTo("Lisbon"))
                .extract()
                .path("id");
        // The upload's confirmation reaches profile-service as an event; the write waits for it briefly.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        int status;
        do {
            status = alice().body(Map.of("city", city, "profile_picture_url", picture))
                    .patch("/api/v1/profiles/" + draft)
                    .then()
                    .extract()
                    .statusCode();
        } while (status == 400 && Instant.now().isBefore(deadline));
        assertEquals(200, status);
        alice().post("/api/v1/profiles/" + draft + "/commit")
                .then()
                .statusCode(200)
                .body("is_active", equalTo(true));
        alice().get("/api/v1/profiles/me")
                .then()
                .body("id", equalTo(draft))
                .body("city", equalTo(city))
                .body("profile_picture_url", equalTo(picture));

        alice().get("/api/v1/profiles/" + draft + "/changes")
                .then()
                .statusCode(200)
                .body("against_id", equalTo(before))
                .body("changes.find { it.field == 'city' }.old_value", equalTo("Lisbon"))
                .body("changes.find { it.field == 'city' }.new_value", equalTo(city))
                .body("changes.field", hasItem("profile_picture_url"))
                .body("changes.field", not(hasItem("first_name")));

        alice().post("/api/v1/profiles/" + before + "/activate").then().statusCode(200);
        alice().get("/api/v1/profiles/me").then().body("id", equalTo(before)).body("city", equalTo("Lisbon"));

        for (String id : List.of(before, draft)) {
            bob().get("/api/v1/profiles/" + id).then().statusCode(404).contentType("application/problem+json");
            bob().body(Map.of("city", "Bergen"))
                    .patch("/api/v1/profiles/" + id)
                    .then()
                    .statusCode(404);
            bob().post("/api/v1/profiles/" + id + "/commit").then().statusCode(404);
            bob().post("/api/v1/profiles/" + id + "/activate").then().statusCode(404);
            bob().get("/api/v1/profiles/" + id + "/changes").then().statusCode(404);
            bob().delete("/api/v1/profiles/" + id).then().statusCode(404);
        }
        bob().queryParam("limit", 100)
                .get("/api/v1/profiles")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(draft)));

        // The rolled-back version is history now: Alice may delete it (not the active one).
        alice().delete("/api/v1/profiles/" + before).then().statusCode(409);
        alice().delete("/api/v1/profiles/" + draft).then().statusCode(204);
        alice().get("/api/v1/profiles/" + draft).then().statusCode(404);
        given().get("/api/v1/profiles/me").then().statusCode(401);
    }

    @Test
    void theMergedOpenApiDescribesTheProfileApi() {
        given().get("/openapi")
                .then()
                .statusCode(200)
                .body("paths.'/api/v1/profiles/me'.patch", notNullValue())
                .body("paths.'/api/v1/profiles/{id}/changes'.get", notNullValue())
                .body("components.schemas.ProfileVersion.properties.first_name", notNullValue())
                .body("components.schemas.ProfileVersion.properties.completion_percentage", notNullValue());
    }
}
