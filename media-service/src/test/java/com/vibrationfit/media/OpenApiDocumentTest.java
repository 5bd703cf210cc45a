package com.vibrationfit.media;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.vibrationfit.media.narration.Sections;
import com.vibrationfit.platform.testing.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The OpenAPI document is what frontend developers read: every endpoint with its schemas and bounds. */
@QuarkusTest
class OpenApiDocumentTest {

    @Test
    void shouldDescribeTheNarrationAndTheObjects() {
        given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body(
                        "paths.'/api/v1/media/visions/{vision_id}/audio'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        containsString("VisionAudio"))
                .body("paths.'/api/v1/media/visions/{vision_id}/audio'.get.description", containsString("empty list"))
                .body("components.schemas.VisionAudio.properties.tracks.maxItems", equalTo(Sections.COUNT))
                .body(
                        "paths.'/api/v1/media/objects/{id}'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        containsString("MediaObject"))
                .body(
                        "paths.'/api/v1/media/uploads/{id}/complete'.post.responses.'200'.content.'application/json'.schema.'$ref'",
                        containsString("MediaObject"));
    }

    @Test
    void shouldDocumentTheSuccessAnswerOfEveryOperation() {
        OpenApiContract.assertEverySuccessDocumented();
    }
}
