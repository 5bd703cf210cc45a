package com.vibrationfit.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Bob sees none of Alice's resources and cannot change them: every answer is 404. */
@ExtendWith(PlatformUnderTest.class)
class IsolationTest {

    private final String alice = Keycloak.token("alice");
    private final String bob = Keycloak.token("bob");

    private RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    @Test
    void bobGets404ForEveryOneOfAlicesResources() {
        String vision = as(alice)
                .body(Map.of("title", "Alice only"))
                .post("/api/v1/visions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(alice)
                .body(Map.of("fun", "Alice's secret fun"))
                .patch("/api/v1/visions/" + vision)
                .then()
                .statusCode(200);
        String item = as(alice)
                .body(Map.of("name", "Alice's goal"))
                .post("/api/v1/vision-board/items")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String upload = as(alice)
                .body(Map.of("purpose", "journal_image", "content_type", "image/png", "size_bytes", 100))
                .post("/api/v1/media/uploads")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        String entry = as(alice)
                .body(Map.of("content", "Alice's private journal"))
                .post("/api/v1/journal/entries")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        as(bob).get("/api/v1/journal/entries/" + entry).then().statusCode(404);
        as(bob).body(Map.of("content", "Bob was here"))
                .patch("/api/v1/journal/entries/" + entry)
                .then()
                .statusCode(404);
        as(bob).delete("/api/v1/journal/entries/" + entry).then().statusCode(404);
        as(bob).get("/api/v1/visions/" + vision).then().statusCode(404);
        as(bob).body(Map.of("fun", "Bob was here"))
                .patch("/api/v1/visions/" + vision)
                .then()
                .statusCode(404);
        as(bob).post("/api/v1/visions/" + vision + "/complete").then().statusCode(404);
        as(bob).delete("/api/v1/visions/" + vision).then().statusCode(404);
        as(bob).get("/api/v1/vision-board/items/" + item).then().statusCode(404);
        as(bob).body(Map.of("name", "Bob's now"))
                .patch("/api/v1/vision-board/items/" + item)
                .then()
                .statusCode(404);
        as(bob).post("/api/v1/vision-board/items/" + item + "/actualize").then().statusCode(404);
        as(bob).delete("/api/v1/vision-board/items/" + item).then().statusCode(404);
        as(bob).get("/api/v1/media/objects/" + upload).then().statusCode(404);
        as(bob).delete("/api/v1/media/objects/" + upload).then().statusCode(404);
        as(bob).get("/api/v1/media/visions/" + vision + "/audio").then().statusCode(404);
        as(bob).post("/api/v1/media/visions/" + vision + "/audio/regenerate")
                .then()
                .statusCode(404);

        as(alice).get("/api/v1/visions/" + vision).then().statusCode(200).body("fun", equalTo("Alice's secret fun"));
        as(alice)
                .get("/api/v1/vision-board/items/" + item)
                .then()
                .statusCode(200)
                .body("status", equalTo("active"));
        as(alice).get("/api/v1/media/objects/" + upload).then().statusCode(200);
        as(alice)
                .get("/api/v1/journal/entries/" + entry)
                .then()
                .statusCode(200)
                .body("content", equalTo("Alice's private journal"));
    }
}
