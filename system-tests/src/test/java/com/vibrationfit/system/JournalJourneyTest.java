package com.vibrationfit.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Alice journals with a photo uploaded through media-service, finds the entry again, and deletes it. */
@ExtendWith(PlatformUnderTest.class)
class JournalJourneyTest {

    private final String token = Keycloak.token("alice");
    private final String word =
            "zephyr" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9-]", "q");

    private RequestSpecification alice() {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    @Test
    void aliceJournalsWithAPhotoSearchesAndDeletes() throws Exception {
        JsonPath ticket = Uploads.upload(token, "journal_image", "image/jpeg", Uploads.randomBytes(3000, 1));

        String entry = alice().body(Map.of(
                        "title",
                        "A " + word + " morning",
                        "content",
                        "Walked by the sea with a " + word + " breeze.",
                        "categories",
                        List.of("health"),
                        "image_urls",
                        List.of(ticket.getString("media_url"))))
                .post("/api/v1/journal/entries")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        alice().queryParam("q", word)
                .get("/api/v1/journal/entries")
                .then()
                .statusCode(200)
                .body("items[0].id", equalTo(entry))
                .body("items[0].image_urls[0]", equalTo(ticket.getString("media_url")));
        given().auth()
                .oauth2(Keycloak.token("bob"))
                .queryParam("q", word)
                .get("/api/v1/journal/entries")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(0));

        alice().delete("/api/v1/journal/entries/" + entry).then().statusCode(204);
        alice().get("/api/v1/journal/entries/" + entry).then().statusCode(404);
        // Nothing references the photo any more, yet media-service keeps it for the orphan grace
        // (vf.media.orphan-grace, 10 min): another entity's reference may still be on its way. Its deletion
        // once the grace has passed is proven by media-service's MediaReferencesTest.
        alice().get("/api/v1/media/objects/" + ticket.getString("id")).then().statusCode(200);
    }
}
