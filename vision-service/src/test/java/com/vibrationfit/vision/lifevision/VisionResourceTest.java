package com.vibrationfit.vision.lifevision;

import static com.vibrationfit.vision.Fixtures.allSections;
import static com.vibrationfit.vision.Fixtures.as;
import static com.vibrationfit.vision.Fixtures.completeVision;
import static com.vibrationfit.vision.Fixtures.createVision;
import static com.vibrationfit.vision.Fixtures.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.vibrationfit.platform.http.ETags;
import com.vibrationfit.platform.paging.Cursor;
import com.vibrationfit.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
class VisionResourceTest {

    private final UUID alice = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();

    @Test
    void shouldCreateVersionsNumberedPerUser() {
        as(alice)
                .body(Map.of("title", "First"))
                .post("/api/v1/visions")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/visions/"))
                .header("ETag", notNullValue())
                .body("version_number", equalTo(1))
                .body("user_id", equalTo(alice.toString()))
                .body("status", equalTo("draft"))
                .body("completion_percentage", equalTo(0))
                .body("fun", equalTo(""));
        as(alice).body("{}").post("/api/v1/visions").then().statusCode(201).body("version_number", equalTo(2));
        as(bob).body("{}").post("/api/v1/visions").then().statusCode(201).body("version_number", equalTo(1));
    }

    @Test
    void shouldCopySectionsFromAnEarlierVersion() {
        String original = createVision(alice, "Original");
        as(alice)
                .body(Map.of("fun", "Dancing", "money", "Abundant"))
                .patch("/api/v1/visions/" + original)
                .then()
                .statusCode(200);
        as(alice)
                .body(Map.of("copy_from", original))
                .post("/api/v1/visions")
                .then()
                .statusCode(201)
                .body("title", equalTo("Original"))
                .body("fun", equalTo("Dancing"))
                .body("money", equalTo("Abundant"))
                .body("completion_percentage", equalTo(14));
    }

    @Test
    void shouldRefuseToCopyAnotherUsersVision() {
        String bobs = createVision(bob, "Bob's");
        problem(
                        as(alice)
                                .body(Map.of("copy_from", bobs))
                                .post("/api/v1/visions")
                                .then(),
                        422)
                .body("errors.field", hasItem("copy_from"));
    }

    @Test
    void shouldListMyVisionsNewestFirstWithPaging() {
        for (int i = 1; i <= 5; i++) {
            createVision(alice, "v" + i);
        }
        createVision(bob, "not alice's");
        var first = as(alice)
                .queryParam("limit", 2)
                .get("/api/v1/visions")
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("items.title", equalTo(List.of("v5", "v4")))
                .body("next_cursor", notNullValue())
                .extract();
        String cursor = first.path("next_cursor");
        as(alice)
                .queryParam("limit", 2)
                .queryParam("cursor", cursor)
                .get("/api/v1/visions")
                .then()
                .body("items.title", equalTo(List.of("v3", "v2")));
        as(alice)
                .queryParam("limit", 100)
                .get("/api/v1/visions")
                .then()
                .body("items", hasSize(5))
                .body("items.user_id", everyItem(equalTo(alice.toString())))
                .body("next_cursor", nullValue());
    }

    @Test
    void shouldFilterByStatus() {
        completeVision(alice, "done");
        createVision(alice, "draft");
        as(alice)
                .queryParam("status", "complete")
                .get("/api/v1/visions")
                .then()
                .statusCode(200)
                .body("items.title", equalTo(List.of("done")));
        as(alice)
                .queryParam("status", "draft")
                .get("/api/v1/visions")
                .then()
                .body("items.title", equalTo(List.of("draft")));
    }

    @Test
    void shouldRejectBadListParameters() {
        problem(
                        as(alice)
                                .queryParam("status", "published")
                                .get("/api/v1/visions")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("status"));
        problem(as(alice).queryParam("limit", 0).get("/api/v1/visions").then(), 400)
                .body("errors[0].field", equalTo("limit"));
        problem(as(alice).queryParam("limit", 101).get("/api/v1/visions").then(), 400)
                .body("errors[0].field", equalTo("limit"));
        problem(
                        as(alice)
                                .queryParam("cursor", "not-a-cursor")
                                .get("/api/v1/visions")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("cursor"));
        // The bound the OpenAPI document states for the parameter (@Size) is the one enforced.
        problem(
                        as(alice)
                                .queryParam("cursor", "c".repeat(Cursor.MAX_LENGTH + 1))
                                .queryParam("status", "draft")
                                .get("/api/v1/visions")
                                .then(),
                        400)
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void shouldAnswerTheLocationOnTheHostTheGatewayForwards() {
        // Requests from the loopback address come from a trusted proxy (the local gateway): the Location is built
        // from X-Forwarded-Proto and -Host, the address the client used.
        as(alice)
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "api.example.com")
                .header("X-Forwarded-For", "203.0.113.7")
                .body("{}")
                .post("/api/v1/visions")
                .then()
                .statusCode(201)
                .header("Location", startsWith("https://api.example.com/api/v1/visions/"));
        as(alice)
                .header("X-Forwarded-Proto", "http")
                .header("X-Forwarded-Host", "127.0.0.1:8080")
                .body("{}")
                .post("/api/v1/visions")
                .then()
                .statusCode(201)
                .header("Location", startsWith("http://127.0.0.1:8080/api/v1/visions/"));
    }

    @Test
    void shouldMakeTheVersionCompletedLastActive() {
        problem(as(alice).get("/api/v1/visions/active").then(), 404);
        String older = completeVision(alice, "older");
        String newer = completeVision(alice, "newer");
        createVision(alice, "a draft after both");
        as(alice)
                .get("/api/v1/visions/active")
                .then()
                .statusCode(200)
                .header("ETag", notNullValue())
                .body("id", equalTo(newer))
                .body("is_active", equalTo(true))
                .body("status", equalTo("complete"));
        // Editing the older version does not make it active: only completing or activating does.
        as(alice)
                .body(Map.of("fun", "an edit of the older one"))
                .patch("/api/v1/visions/" + older)
                .then()
                .statusCode(200)
                .body("is_active", equalTo(false));
        as(alice).get("/api/v1/visions/active").then().body("id", equalTo(newer));
        as(alice).get("/api/v1/visions").then().body("items.findAll { it.is_active }.id", equalTo(List.of(newer)));
    }

    @Test
    void shouldActivateAnOlderCompleteVersionExplicitly() {
        String older = completeVision(alice, "older");
        String newer = completeVision(alice, "newer");
        String etag = as(alice).get("/api/v1/visions/" + older).then().extract().header("ETag");
        as(alice)
                .post("/api/v1/visions/" + older + "/activate")
                .then()
                .statusCode(200)
                .header("ETag", equalTo(etag)) // not an edit: an open editor's If-Match still holds
                .body("id", equalTo(older))
                .body("is_active", equalTo(true));
        as(alice).get("/api/v1/visions/active").then().body("id", equalTo(older));
        as(alice)
                .get("/api/v1/visions/" + newer)
                .then()
                .body("is_active", equalTo(false))
                .body("status", equalTo("complete"));
        // Activating it again changes nothing.
        as(alice)
                .post("/api/v1/visions/" + older + "/activate")
                .then()
                .statusCode(200)
                .body("is_active", equalTo(true));
        as(alice).get("/api/v1/visions").then().body("items.findAll { it.is_active }.id", equalTo(List.of(older)));
    }

    @Test
    void shouldRefuseToActivateADraftOrAnotherMembersVision() {
        String draft = createVision(alice, "a draft");
        problem(as(alice).post("/api/v1/visions/" + draft + "/activate").then(), 409)
                .body("detail", containsString("draft"));
        as(alice).get("/api/v1/visions/" + draft).then().body("is_active", equalTo(false));
        String hers = completeVision(alice, "hers");
        problem(as(bob).post("/api/v1/visions/" + hers + "/activate").then(), 404);
        problem(
                as(alice)
                        .post("/api/v1/visions/" + UUID.randomUUID() + "/activate")
                        .then(),
                404);
        given().contentType(ContentType.JSON)
                .post("/api/v1/visions/" + hers + "/activate")
                .then()
                .statusCode(401);
    }

    @Test
    void shouldKeepOneActiveVersionWhenTwoAreActivatedAtOnce() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(completeVision(alice, "v" + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            var answers = new ArrayList<Future<Integer>>();
            for (int round = 0; round < 3; round++) {
                for (String id : ids) {
                    answers.add(pool.submit(() -> as(alice)
                            .post("/api/v1/visions/" + id + "/activate")
                            .then()
                            .extract()
                            .statusCode()));
                }
            }
            for (var answer : answers) {
                assertEquals(200, answer.get());
            }
        } finally {
            pool.shutdown();
        }
        as(alice).get("/api/v1/visions").then().body("items.findAll { it.is_active }", hasSize(1));
    }

    @Test
    void shouldReadOneVisionWithAnETag() {
        String id = createVision(alice, "mine");
        as(alice)
                .get("/api/v1/visions/" + id)
                .then()
                .statusCode(200)
                .header("ETag", notNullValue())
                .body("id", equalTo(id))
                .body("title", equalTo("mine"));
    }

    @Test
    void shouldPatchSectionsAndRecomputeCompletion() {
        String id = createVision(alice, "draft");
        as(alice)
                .body(Map.of("title", "Renamed", "fun", "Surfing", "health", "Strong", "forward", "Hi"))
                .patch("/api/v1/visions/" + id)
                .then()
                .statusCode(200)
                .body("title", equalTo("Renamed"))
                .body("fun", equalTo("Surfing"))
                .body("travel", equalTo(""))
                .body("completion_percentage", equalTo(21));
        // Clearing a section lowers the percentage again.
        as(alice)
                .body(Map.of("fun", ""))
                .patch("/api/v1/visions/" + id)
                .then()
                .statusCode(200)
                .body("completion_percentage", equalTo(14));
    }

    @Test
    void shouldHonourIfMatch() {
        String id = createVision(alice, "two tabs");
        String etag = as(alice).get("/api/v1/visions/" + id).then().extract().header("ETag");
        String next = as(alice)
                .header("If-Match", etag)
                .body(Map.of("fun", "first tab"))
                .patch("/api/v1/visions/" + id)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        assertNotEquals(etag, next);
        problem(
                as(alice)
                        .header("If-Match", etag)
                        .body(Map.of("fun", "second tab"))
                        .patch("/api/v1/visions/" + id)
                        .then(),
                412);
        as(alice).get("/api/v1/visions/" + id).then().body("fun", equalTo("first tab"));
        problem(
                        as(alice)
                                .header("If-Match", next + ", " + "\"x\", ".repeat(ETags.IF_MATCH_MAX_LENGTH / 5))
                                .body(Map.of("fun", "a list of tags too long to read"))
                                .patch("/api/v1/visions/" + id)
                                .then(),
                        400)
                .body("errors[0].field", equalTo("if_match"));
        as(alice)
                .header("If-Match", next)
                .body(Map.of("fun", "second tab, after re-reading"))
                .patch("/api/v1/visions/" + id)
                .then()
                .statusCode(200);
    }

    @Test
    void shouldNotChangeTheETagWhenNothingChanged() {
        String id = createVision(alice, "same");
        String etag = as(alice).get("/api/v1/visions/" + id).then().extract().header("ETag");
        String after = as(alice)
                .body(Map.of("title", "same"))
                .patch("/api/v1/visions/" + id)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        assertEquals(etag, after);
    }

    @Test
    void shouldRejectInvalidPatches() {
        String id = createVision(alice, "strict");
        problem(
                        as(alice)
                                .body(Map.of("fnu", "typo"))
                                .patch("/api/v1/visions/" + id)
                                .then(),
                        400)
                .body("errors[0].field", equalTo("fnu"));
        problem(
                        as(alice)
                                .body(Map.of("fun", 42.5))
                                .patch("/api/v1/visions/" + id)
                                .then(),
                        400)
                .body("errors[0].field", equalTo("fun"));
        problem(
                        as(alice)
                                .body(Map.of("fun", "x".repeat(20_001), "title", "t".repeat(201)))
                                .patch("/api/v1/visions/" + id)
                                .then(),
                        400)
                .body("errors.field", containsInAnyOrder("fun", "title"));
        problem(
                        as(alice)
                                .body("{\"fun\": \"unterminated")
                                .patch("/api/v1/visions/" + id)
                                .then(),
                        400)
                .body("type", containsString("malformed-json"));
        as(alice).get("/api/v1/visions/" + id).then().body("fun", equalTo(""));
    }

    @Test
    void shouldAcceptSectionsAtTheLengthLimit() {
        String id = createVision(alice, "long");
        as(alice)
                .body(Map.of("fun", "x".repeat(20_000)))
                .patch("/api/v1/visions/" + id)
                .then()
                .statusCode(200);
    }

    @Test
    void shouldRefuseBodiesOverTheLimit() {
        String id = createVision(alice, "huge");
        problem(
                as(alice)
                        .body("{\"fun\": \"" + "x".repeat(1_100_000) + "\"}")
                        .patch("/api/v1/visions/" + id)
                        .then(),
                413);
    }

    @Test
    void shouldCompleteOnlyWhenAllCategoriesAreWritten() {
        String id = createVision(alice, "almost");
        var sections = allSections("almost");
        sections.put("money", "  ");
        sections.put("giving", "");
        as(alice).body(sections).patch("/api/v1/visions/" + id).then().statusCode(200);
        problem(as(alice).post("/api/v1/visions/" + id + "/complete").then(), 422)
                .body("errors.field", containsInAnyOrder("money", "giving"));
        as(alice)
                .body(Map.of("money", "Plenty", "giving", "Generous"))
                .patch("/api/v1/visions/" + id)
                .then()
                .statusCode(200);
        as(alice)
                .post("/api/v1/visions/" + id + "/complete")
                .then()
                .statusCode(200)
                .body("status", equalTo("complete"))
                .body("completion_percentage", equalTo(100));
    }

    @Test
    void shouldRefuseToEmptyACategoryOfACompleteVision() {
        String id = completeVision(alice, "kept whole");
        String etag = as(alice).get("/api/v1/visions/" + id).then().extract().header("ETag");
        problem(
                        as(alice)
                                .body(Map.of("money", " ", "giving", "", "fun", "Still fun"))
                                .patch("/api/v1/visions/" + id)
                                .then(),
                        409)
                .body("errors.field", containsInAnyOrder("money", "giving"))
                .body("detail", containsString("complete"));
        // Nothing of the refused edit was written, the optional sections may still be emptied, and it stays complete.
        as(alice)
                .get("/api/v1/visions/" + id)
                .then()
                .statusCode(200)
                .header("ETag", etag)
                .body("status", equalTo("complete"))
                .body("fun", not(equalTo("Still fun")));
        as(alice)
                .body(Map.of("forward", ""))
                .patch("/api/v1/visions/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("complete"));
    }

    @Test
    void shouldDeleteDraftsButNotCompleteVisions() {
        String draft = createVision(alice, "scrap");
        as(alice).delete("/api/v1/visions/" + draft).then().statusCode(204);
        problem(as(alice).get("/api/v1/visions/" + draft).then(), 404);
        String done = completeVision(alice, "keep");
        problem(as(alice).delete("/api/v1/visions/" + done).then(), 409);
        as(alice).get("/api/v1/visions/" + done).then().statusCode(200);
    }

    @Test
    void shouldHideAnotherUsersVisionBehind404() {
        String id = completeVision(alice, "private");
        problem(as(bob).get("/api/v1/visions/" + id).then(), 404);
        problem(
                as(bob).body(Map.of("fun", "hijack"))
                        .patch("/api/v1/visions/" + id)
                        .then(),
                404);
        problem(as(bob).post("/api/v1/visions/" + id + "/complete").then(), 404);
        problem(as(bob).delete("/api/v1/visions/" + id).then(), 404);
        problem(as(bob).get("/api/v1/visions/active").then(), 404);
        as(bob).get("/api/v1/visions").then().body("items", hasSize(0));
        as(alice).get("/api/v1/visions/" + id).then().statusCode(200).body("fun", not(equalTo("hijack")));
    }

    @Test
    void shouldAnswer404ForAnUnknownVision() {
        problem(as(alice).get("/api/v1/visions/" + UUID.randomUUID()).then(), 404);
    }

    @Test
    void shouldRequireAValidToken() {
        String id = createVision(alice, "guarded");
        given().get("/api/v1/visions").then().statusCode(401).header("WWW-Authenticate", containsString("Bearer"));
        for (String token : List.of(
                TestTokens.expired(alice),
                TestTokens.wrongIssuer(alice),
                TestTokens.wrongAudience(alice),
                TestTokens.tampered(alice, bob),
                TestTokens.foreignSignature(alice),
                TestTokens.nonUuidSubject(),
                "not-a-jwt")) {
            given().auth().oauth2(token).get("/api/v1/visions/" + id).then().statusCode(401);
        }
        given().contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/visions")
                .then()
                .statusCode(401);
    }
}
