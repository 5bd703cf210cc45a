package com.vibrationfit.vision;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;

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
                .body("components.securitySchemes.bearer", notNullValue());
    }
}
