package com.vibrationfit.profile.version;

import static com.vibrationfit.platform.testing.Api.as;
import static com.vibrationfit.platform.testing.Api.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.vibrationfit.profile.Profiles;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProfileResourceTest {

    private final UUID alice = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();

    @Test
    void shouldCreateVersionOneOnTheFirstSaveAndEditItInPlace() {
        problem(as(alice).get("/api/v1/profiles/me").then(), 404);
        String etag = as(alice)
                .body(Map.of("first_name", "Alice", "city", "Lisbon"))
                .patch("/api/v1/profiles/me")
                .then()
                .statusCode(201)
                .header("ETag", notNullValue())
                .header("Location", containsString("/api/v1/profiles/"))
                .body("version_number", equalTo(1))
                .body("is_active", equalTo(true))
                .body("is_draft", equalTo(false))
                .body("parent_version_id", nullValue())
                .body("user_id", equalTo(alice.toString()))
                .body("first_name", equalTo("Alice"))
                .body("has_children", equalTo(false))
                .body("number_of_children", equalTo(0))
                .body("vibe_assistant_tokens_remaining", equalTo(100))
                .body("storage_quota_gb", equalTo(5))
                .extract()
                .header("ETag");
        String id = as(alice)
                .get("/api/v1/profiles/me")
                .then()
                .statusCode(200)
                .header("ETag", equalTo(etag))
                .body("city", equalTo("Lisbon"))
                .extract()
                .path("id");

        String next = as(alice)
                .header("If-Match", etag)
                .body(Map.of("city", "Porto", "last_name", "Smith"))
                .patch("/api/v1/profiles/me")
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("city", equalTo("Porto"))
                .body("first_name", equalTo("Alice"))
                .body("last_name", equalTo("Smith"))
                .extract()
                .header("ETag");
        assertNotEquals(etag, next);
        problem(
                as(alice)
                        .header("If-Match", etag)
                        .body(Map.of("city", "Faro"))
                        .patch("/api/v1/profiles/me")
                        .then(),
                412);

        // null clears a field; absent fields stay
        Map<String, Object> clear = new HashMap<>();
        clear.put("city", null);
        as(alice)
                .body(clear)
                .patch("/api/v1/profiles/me")
                .then()
                .statusCode(200)
                .body("city", nullValue())
                .body("last_name", equalTo("Smith"));
        as(alice).get("/api/v1/profiles").then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void shouldRefuseIfMatchOnAFirstSave() {
        problem(
                as(alice)
                        .header("If-Match", "\"abc\"")
                        .body(Map.of("first_name", "A"))
                        .patch("/api/v1/profiles/me")
                        .then(),
                412);
        problem(as(alice).get("/api/v1/profiles/me").then(), 404);
    }

    @Test
    void shouldDraftCommitAndRollBack() {
        String v1 = Profiles.create(alice, Map.of("first_name", "Alice", "occupation", "Nurse"));
        String draft = as(alice)
                .body(Map.of("version_notes", "new job"))
                .post("/api/v1/profiles/drafts")
                .then()
                .statusCode(201)
                .body("is_draft", equalTo(true))
                .body("is_active", equalTo(false))
                .body("parent_version_id", equalTo(v1))
                .body("version_number", equalTo(2))
                .body("version_notes", equalTo("new job"))
                .body("first_name", equalTo("Alice"))
                .body("occupation", equalTo("Nurse"))
                .extract()
                .path("id");
        problem(as(alice).body(Map.of()).post("/api/v1/profiles/drafts").then(), 409);

        String etag = Profiles.get(alice, draft).header("ETag");
        String edited = as(alice)
                .header("If-Match", etag)
                .body(Map.of("occupation", "Doctor"))
                .patch("/api/v1/profiles/" + draft)
                .then()
                .statusCode(200)
                .body("occupation", equalTo("Doctor"))
                .extract()
                .header("ETag");
        // The active version is untouched while the draft changes.
        as(alice).get("/api/v1/profiles/me").then().body("id", equalTo(v1)).body("occupation", equalTo("Nurse"));
        problem(
                as(alice)
                        .header("If-Match", etag)
                        .post("/api/v1/profiles/" + draft + "/commit")
                        .then(),
                412);
        problem(as(alice).post("/api/v1/profiles/" + draft + "/activate").then(), 409);

        as(alice)
                .header("If-Match", edited)
                .post("/api/v1/profiles/" + draft + "/commit")
                .then()
                .statusCode(200)
                .body("id", equalTo(draft))
                .body("is_active", equalTo(true))
                .body("is_draft", equalTo(false));
        as(alice).get("/api/v1/profiles/me").then().body("id", equalTo(draft)).body("occupation", equalTo("Doctor"));
        Profiles.get(alice, v1).body().path("is_active");
        as(alice)
                .get("/api/v1/profiles/" + v1)
                .then()
                .body("is_active", equalTo(false))
                .body("is_draft", equalTo(false));
        problem(as(alice).post("/api/v1/profiles/" + draft + "/commit").then(), 409);

        // History is read-only; the active version and history cannot be deleted / edited as such.
        problem(
                as(alice)
                        .body(Map.of("occupation", "Pilot"))
                        .patch("/api/v1/profiles/" + v1)
                        .then(),
                409);
        problem(as(alice).delete("/api/v1/profiles/" + draft).then(), 409);

        as(alice)
                .post("/api/v1/profiles/" + v1 + "/activate")
                .then()
                .statusCode(200)
                .body("is_active", equalTo(true));
        as(alice).get("/api/v1/profiles/me").then().body("id", equalTo(v1)).body("occupation", equalTo("Nurse"));
        as(alice).post("/api/v1/profiles/" + v1 + "/activate").then().statusCode(200); // already active: no change

        as(alice)
                .get("/api/v1/profiles")
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].id", equalTo(draft))
                .body("items[1].id", equalTo(v1));
        as(alice)
                .queryParam("limit", 1)
                .get("/api/v1/profiles")
                .then()
                .body("items", hasSize(1))
                .body("next_cursor", notNullValue());
    }

    @Test
    void shouldDraftFromAnEarlierVersionAndFromNothing() {
        problem(
                        as(alice)
                                .body(Map.of("source_id", UUID.randomUUID().toString()))
                                .post("/api/v1/profiles/drafts")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("source_id"));
        String empty = Profiles.draft(alice);
        as(alice)
                .get("/api/v1/profiles/" + empty)
                .then()
                .body("parent_version_id", nullValue())
                .body("completion_percentage", equalTo(1)) // has_children defaults to false: answered
                .body("missing_fields.size()", equalTo(59))
                .body("missing_fields[0]", equalTo("first_name"))
                .body("missing_fields", not(hasItem("has_children")));
        as(alice).delete("/api/v1/profiles/" + empty).then().statusCode(204);

        String v1 = Profiles.create(alice, Map.of("city", "Lisbon"));
        String d2 = Profiles.draft(alice);
        as(alice)
                .body(Map.of("city", "Porto"))
                .patch("/api/v1/profiles/" + d2)
                .then()
                .statusCode(200);
        Profiles.commit(alice, d2);
        String fromV1 = as(alice)
                .body(Map.of("source_id", v1))
                .post("/api/v1/profiles/drafts")
                .then()
                .statusCode(201)
                .body("city", equalTo("Lisbon"))
                .body("parent_version_id", equalTo(v1))
                .extract()
                .path("id");
        assertNotEquals(v1, fromV1);
    }

    @Test
    void shouldReparentAndRenumberWhenAVersionIsDeleted() {
        String v1 = Profiles.create(alice, Map.of("city", "A"));
        String v2 = Profiles.draft(alice);
        Profiles.commit(alice, v2);
        String v3 = Profiles.draft(alice);
        Profiles.commit(alice, v3);
        assertEquals(v2, Profiles.get(alice, v3).path("parent_version_id"));
        assertEquals(3, (int) Profiles.get(alice, v3).path("version_number"));

        as(alice).delete("/api/v1/profiles/" + v2).then().statusCode(204);
        problem(as(alice).get("/api/v1/profiles/" + v2).then(), 404);
        as(alice)
                .get("/api/v1/profiles/" + v3)
                .then()
                .body("parent_version_id", equalTo(v1))
                .body("version_number", equalTo(2));
        as(alice).get("/api/v1/profiles/" + v1).then().body("version_number", equalTo(1));
        // the diff now defaults to the new parent
        as(alice)
                .get("/api/v1/profiles/" + v3 + "/changes")
                .then()
                .statusCode(200)
                .body("against_id", equalTo(v1));
    }

    @Test
    void shouldShowTheFieldsThatChanged() {
        String v1 = Profiles.create(alice, Map.of("city", "Lisbon", "hobbies", List.of("surf"), "first_name", "Alice"));
        String d = Profiles.draft(alice);
        as(alice)
                .body(Map.of("city", "Porto", "hobbies", List.of("surf", "chess"), "passport", true))
                .patch("/api/v1/profiles/" + d)
                .then()
                .statusCode(200);
        as(alice)
                .get("/api/v1/profiles/" + d + "/changes")
                .then()
                .statusCode(200)
                .body("id", equalTo(d))
                .body("against_id", equalTo(v1))
                .body("changes", hasSize(3))
                .body("changes.find { it.field == 'city' }.old_value", equalTo("Lisbon"))
                .body("changes.find { it.field == 'city' }.new_value", equalTo("Porto"))
                .body("changes.find { it.field == 'hobbies' }.new_value", equalTo(List.of("surf", "chess")))
                .body("changes.find { it.field == 'passport' }.old_value", nullValue())
                .body("changes.field", not(hasItem("first_name")));
        as(alice)
                .queryParam("against", d)
                .get("/api/v1/profiles/" + v1 + "/changes")
                .then()
                .statusCode(200)
                .body("changes.find { it.field == 'city' }.old_value", equalTo("Porto"))
                .body("changes.find { it.field == 'city' }.new_value", equalTo("Lisbon"));
        as(alice)
                .get("/api/v1/profiles/" + v1 + "/changes")
                .then()
                .statusCode(200)
                .body("against_id", nullValue())
                .body("changes.field", hasItem("first_name"));
        problem(
                        as(alice)
                                .queryParam("against", "not-a-uuid")
                                .get("/api/v1/profiles/" + v1 + "/changes")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("against"));
        String bobs = Profiles.create(bob, Map.of("city", "Oslo"));
        problem(
                        as(alice)
                                .queryParam("against", bobs)
                                .get("/api/v1/profiles/" + v1 + "/changes")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("against"));
    }

    @Test
    void shouldHideEveryVersionFromAnotherMember() {
        String v1 = Profiles.create(alice, Map.of("first_name", "Alice"));
        String draft = Profiles.draft(alice);
        for (String id : List.of(v1, draft)) {
            problem(as(bob).get("/api/v1/profiles/" + id).then(), 404);
            problem(
                    as(bob).body(Map.of("first_name", "Bob"))
                            .patch("/api/v1/profiles/" + id)
                            .then(),
                    404);
            problem(as(bob).post("/api/v1/profiles/" + id + "/commit").then(), 404);
            problem(as(bob).post("/api/v1/profiles/" + id + "/activate").then(), 404);
            problem(as(bob).delete("/api/v1/profiles/" + id).then(), 404);
            problem(as(bob).get("/api/v1/profiles/" + id + "/changes").then(), 404);
        }
        problem(
                as(bob).body(Map.of("source_id", v1))
                        .post("/api/v1/profiles/drafts")
                        .then(),
                400);
        problem(as(bob).get("/api/v1/profiles/me").then(), 404);
        as(bob).get("/api/v1/profiles").then().statusCode(200).body("items", hasSize(0));
        as(alice).get("/api/v1/profiles/" + draft).then().statusCode(200).body("first_name", equalTo("Alice"));
    }

    @Test
    void shouldRequireAToken() {
        given().get("/api/v1/profiles/me").then().statusCode(401);
        given().contentType("application/json")
                .body("{}")
                .patch("/api/v1/profiles/me")
                .then()
                .statusCode(401);
        given().get("/api/v1/profiles").then().statusCode(401);
        given().contentType("application/json")
                .body("{}")
                .post("/api/v1/profiles/drafts")
                .then()
                .statusCode(401);
        given().delete("/api/v1/profiles/" + UUID.randomUUID()).then().statusCode(401);
    }

    @Test
    void shouldAcceptAMergePatchContentType() {
        Profiles.create(alice, Map.of("first_name", "A"));
        as(alice)
                .contentType("application/merge-patch+json")
                .body("{\"first_name\":\"B\"}")
                .patch("/api/v1/profiles/me")
                .then()
                .statusCode(200)
                .body("first_name", equalTo("B"));
    }
}
