package com.vibrationfit.vision;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.vibrationfit.platform.testing.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The OpenAPI document is what frontend developers read: every endpoint with its body schemas. */
@QuarkusTest
class OpenApiDocumentTest {

    @Test
    void shouldDescribeEveryEndpointWithItsResponseSchema() {
        given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body(
                        "paths.'/api/v1/visions'.post.responses.'201'.content.'application/json'.schema.'$ref'",
                        containsString("VisionView"))
                .body(
                        "paths.'/api/v1/visions/{id}'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        containsString("VisionView"))
                .body(
                        "paths.'/api/v1/visions/{id}'.patch.requestBody.content.'application/json'.schema.'$ref'",
                        containsString("VisionChanges"))
                .body("paths.'/api/v1/visions/active'.get", notNullValue())
                .body("paths.'/api/v1/visions/{id}/complete'.post.responses.'422'", notNullValue())
                .body(
                        "paths.'/api/v1/vision-board/items/{id}'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        containsString("BoardItemView"))
                .body("paths.'/api/v1/vision-board/stats'.get", notNullValue())
                .body("components.schemas.VisionView.properties.completion_percentage", notNullValue())
                // The image's link is documented as what it is; requests do not take it.
                .body(
                        "components.schemas.BoardItemView.properties.image_link.description",
                        allOf(containsString("short-lived"), containsString("expires"), containsString("never store")))
                .body("components.schemas.NewBoardItem.properties.image_link", nullValue())
                .body("components.schemas.BoardItemChanges.properties.image_link", nullValue())
                .body("components.securitySchemes.bearer", notNullValue());
    }

    @Test
    void shouldDocumentTheSuccessAnswerOfEveryOperation() {
        OpenApiContract.assertEverySuccessDocumented();
    }
}
