package com.vibrationfit.vision.board;

import static com.vibrationfit.vision.Fixtures.as;
import static com.vibrationfit.vision.Fixtures.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.vibrationfit.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BoardResourceTest {

    private final UUID alice = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();

    private String pin(UUID user, String name, List<String> categories) {
        return as(user).body(Map.of("name", name, "categories", categories))
                .post("/api/v1/vision-board/items")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void shouldPinAnItemWithDefaults() {
        as(alice)
                .body(Map.of("name", "Sailboat", "description", "A 40ft ketch", "categories", List.of("fun", "travel")))
                .post("/api/v1/vision-board/items")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/vision-board/items/"))
                .body("name", equalTo("Sailboat"))
                .body("status", equalTo("active"))
                .body("categories", equalTo(List.of("fun", "travel")))
                .body("actualized_at", nullValue())
                .body("user_id", equalTo(alice.toString()));
    }

    @Test
    void shouldRejectInvalidItems() {
        problem(
                        as(alice)
                                .body(Map.of("name", " "))
                                .post("/api/v1/vision-board/items")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("name"));
        problem(
                        as(alice)
                                .body(Map.of("name", "n".repeat(201)))
                                .post("/api/v1/vision-board/items")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("name"));
        problem(
                        as(alice)
                                .body(Map.of("name", "x", "categories", List.of("fun", "yachts")))
                                .post("/api/v1/vision-board/items")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("categories[1]"));
        problem(
                        as(alice)
                                .body(Map.of("name", "x", "status", "done"))
                                .post("/api/v1/vision-board/items")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("status"));
        problem(
                        as(alice)
                                .body(Map.of("name", "x", "colour", "red"))
                                .post("/api/v1/vision-board/items")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("colour"));
        problem(as(alice).body("{}").post("/api/v1/vision-board/items").then(), 400)
                .body("errors[0].field", equalTo("name"));
        problem(as(alice).post("/api/v1/vision-board/items").then(), 400)
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].message", equalTo("a JSON object with at least name is required"));
        as(alice).get("/api/v1/vision-board/items").then().body("items", hasSize(0));
    }

    @Test
    void shouldAcceptOnlyImagesFromTheCallersOwnMedia() {
        String mine = "s3://vibrationfit-media/users/" + alice + "/vision_board_image/" + UUID.randomUUID() + ".png";
        String bobs = "s3://vibrationfit-media/users/" + bob + "/vision_board_image/" + UUID.randomUUID() + ".png";
        String id = as(alice)
                .body(Map.of("name", "Beach house", "image_url", mine))
                .post("/api/v1/vision-board/items")
                .then()
                .statusCode(201)
                .body("image_url", equalTo(mine))
                .extract()
                .path("id");
        problem(
                        as(alice)
                                .body(Map.of("name", "Stolen", "image_url", bobs))
                                .post("/api/v1/vision-board/items")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("image_url"));
        problem(
                        as(alice)
                                .body(Map.of("image_url", "https://example.com/cat.png"))
                                .patch("/api/v1/vision-board/items/" + id)
                                .then(),
                        400)
                .body("errors[0].field", equalTo("image_url"));
        as(alice).get("/api/v1/vision-board/items/" + id).then().body("image_url", equalTo(mine));
    }

    @Test
    void shouldActualizeAndMoveBack() {
        String id = pin(alice, "Marathon", List.of("health"));
        as(alice)
                .post("/api/v1/vision-board/items/" + id + "/actualize")
                .then()
                .statusCode(200)
                .body("status", equalTo("actualized"))
                .body("actualized_at", notNullValue());
        as(alice)
                .body(Map.of("status", "active"))
                .patch("/api/v1/vision-board/items/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("active"))
                .body("actualized_at", nullValue());
        as(alice)
                .body(Map.of("status", "actualized"))
                .patch("/api/v1/vision-board/items/" + id)
                .then()
                .body("actualized_at", notNullValue());
    }

    @Test
    void shouldEditOnlyTheGivenFieldsAndHonourIfMatch() {
        String id = pin(alice, "House", List.of("home"));
        String etag = as(alice)
                .get("/api/v1/vision-board/items/" + id)
                .then()
                .statusCode(200)
                .header("ETag", notNullValue())
                .extract()
                .header("ETag");
        as(alice)
                .header("If-Match", etag)
                .body(Map.of("description", "By the sea"))
                .patch("/api/v1/vision-board/items/" + id)
                .then()
                .statusCode(200)
                .body("name", equalTo("House"))
                .body("description", equalTo("By the sea"))
                .body("categories", equalTo(List.of("home")));
        problem(
                as(alice)
                        .header("If-Match", etag)
                        .body(Map.of("name", "Castle"))
                        .patch("/api/v1/vision-board/items/" + id)
                        .then(),
                412);
        as(alice).get("/api/v1/vision-board/items/" + id).then().body("name", equalTo("House"));
    }

    @Test
    void shouldFilterAndPage() {
        pin(alice, "a", List.of("fun"));
        pin(alice, "b", List.of("money"));
        String c = pin(alice, "c", List.of("fun", "money"));
        as(alice).post("/api/v1/vision-board/items/" + c + "/actualize").then().statusCode(200);
        as(alice)
                .queryParam("category", "fun")
                .get("/api/v1/vision-board/items")
                .then()
                .statusCode(200)
                .body("items.name", equalTo(List.of("c", "a")));
        as(alice)
                .queryParam("status", "actualized")
                .get("/api/v1/vision-board/items")
                .then()
                .body("items.name", equalTo(List.of("c")));
        as(alice)
                .queryParam("status", "active")
                .queryParam("category", "money")
                .get("/api/v1/vision-board/items")
                .then()
                .body("items.name", equalTo(List.of("b")));
        String cursor = as(alice)
                .queryParam("limit", 2)
                .get("/api/v1/vision-board/items")
                .then()
                .body("items.name", equalTo(List.of("c", "b")))
                .extract()
                .path("next_cursor");
        as(alice)
                .queryParam("limit", 2)
                .queryParam("cursor", cursor)
                .get("/api/v1/vision-board/items")
                .then()
                .body("items.name", equalTo(List.of("a")))
                .body("next_cursor", nullValue());
        problem(
                        as(alice)
                                .queryParam("category", "yachts")
                                .get("/api/v1/vision-board/items")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("category"));
        problem(
                        as(alice)
                                .queryParam("status", "done")
                                .get("/api/v1/vision-board/items")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("status"));
    }

    @Test
    void shouldCountByStatusWithZeros() {
        as(alice)
                .get("/api/v1/vision-board/stats")
                .then()
                .statusCode(200)
                .body("statuses.status", equalTo(List.of("active", "actualized", "inactive")))
                .body("statuses.count", equalTo(List.of(0, 0, 0)))
                .body("total", equalTo(0));
        pin(alice, "one", List.of());
        String two = pin(alice, "two", List.of());
        as(alice)
                .post("/api/v1/vision-board/items/" + two + "/actualize")
                .then()
                .statusCode(200);
        pin(bob, "bob's", List.of());
        as(alice)
                .get("/api/v1/vision-board/stats")
                .then()
                .body("statuses.count", equalTo(List.of(1, 1, 0)))
                .body("total", equalTo(2));
    }

    @Test
    void shouldDeleteAnItem() {
        String id = pin(alice, "temporary", List.of());
        as(alice).delete("/api/v1/vision-board/items/" + id).then().statusCode(204);
        problem(as(alice).get("/api/v1/vision-board/items/" + id).then(), 404);
        problem(as(alice).delete("/api/v1/vision-board/items/" + id).then(), 404);
    }

    @Test
    void shouldHideAnotherUsersItemsBehind404() {
        String id = pin(alice, "secret", List.of("giving"));
        problem(as(bob).get("/api/v1/vision-board/items/" + id).then(), 404);
        problem(
                as(bob).body(Map.of("name", "mine now"))
                        .patch("/api/v1/vision-board/items/" + id)
                        .then(),
                404);
        problem(as(bob).post("/api/v1/vision-board/items/" + id + "/actualize").then(), 404);
        problem(as(bob).delete("/api/v1/vision-board/items/" + id).then(), 404);
        as(bob).get("/api/v1/vision-board/items").then().body("items", hasSize(0));
        as(alice)
                .get("/api/v1/vision-board/items/" + id)
                .then()
                .statusCode(200)
                .body("name", equalTo("secret"))
                .body("status", equalTo("active"));
    }

    @Test
    void shouldRequireAValidToken() {
        given().get("/api/v1/vision-board/items").then().statusCode(401);
        given().get("/api/v1/vision-board/stats").then().statusCode(401);
        given().auth()
                .oauth2(TestTokens.expired(alice))
                .get("/api/v1/vision-board/stats")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(TestTokens.wrongAudience(alice))
                .get("/api/v1/vision-board/stats")
                .then()
                .statusCode(401);
    }
}
