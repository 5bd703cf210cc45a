package com.vibrationfit.vision.board;

import static com.vibrationfit.vision.Fixtures.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.vibrationfit.platform.testing.UploadedMedia;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/** A board item's image comes back with image_link, a URL a browser loads without a token. */
@QuarkusTest
class BoardMediaLinksTest {

    @Inject
    S3Client s3;

    private final UUID alice = UUID.randomUUID();

    @Test
    void shouldLinkTheItemsImageToItsUploadedBytes() {
        byte[] image = UploadedMedia.randomBytes(4_000);
        String url = UploadedMedia.stored(s3, alice, "vision_board_image", "image/webp", image);

        JsonPath created = as(alice)
                .body(Map.of("name", "A house by the sea", "image_url", url))
                .post("/api/v1/vision-board/items")
                .then()
                .statusCode(201)
                .body("image_url", equalTo(url))
                .extract()
                .jsonPath();
        UploadedMedia.assertLinksTo(created.getString("image_link"), image);

        String id = created.getString("id");
        UploadedMedia.assertLinksTo(
                as(alice)
                        .get("/api/v1/vision-board/items/" + id)
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("image_link"),
                image);
        UploadedMedia.assertLinksTo(
                as(alice)
                        .get("/api/v1/vision-board/items")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("items[0].image_link"),
                image);
        UploadedMedia.assertLinksTo(
                as(alice)
                        .post("/api/v1/vision-board/items/" + id + "/actualize")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("image_link"),
                image);

        // A new image: the link follows it; no image: no link.
        byte[] other = UploadedMedia.randomBytes(2_500);
        String otherUrl = UploadedMedia.stored(s3, alice, "vision_board_image", "image/png", other);
        UploadedMedia.assertLinksTo(
                as(alice)
                        .body(Map.of("image_url", otherUrl))
                        .patch("/api/v1/vision-board/items/" + id)
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("image_link"),
                other);
        as(alice)
                .body(Map.of("name", "No picture yet"))
                .post("/api/v1/vision-board/items")
                .then()
                .statusCode(201)
                .body("image_url", nullValue())
                .body("image_link", nullValue());
    }
}
