package com.vibrationfit.assessment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import com.vibrationfit.platform.testing.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The OpenAPI document is what frontend developers read: every endpoint with its body schemas. */
@QuarkusTest
class OpenApiDocumentTest {

    @Test
    void shouldDescribeEveryEndpointWithItsSchemas() {
        given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body(
                        "paths.'/api/v1/assessments'.post.responses.'201'.content.'application/json'.schema.'$ref'",
                        containsString("Assessment"))
                .body("paths.'/api/v1/assessments'.post.responses.'409'", notNullValue())
                .body("paths.'/api/v1/assessments/questions'.get", notNullValue())
                .body(
                        "paths.'/api/v1/assessments/{id}/responses/{question_id}'.put.requestBody.content.'application/json'.schema.'$ref'",
                        containsString("AnswerRequest"))
                .body(
                        "paths.'/api/v1/assessments/{id}/responses/{question_id}'.put.responses.keySet()",
                        hasItems("200", "201", "400", "404", "409"))
                .body("paths.'/api/v1/assessments/{id}/complete'.post.responses.'422'", notNullValue())
                .body("paths.'/api/v1/assessments/{id}/insights'.get", notNullValue())
                .body("paths.'/api/v1/assessments/latest/below-green-line'.get", notNullValue())
                .body("paths.'/api/v1/assessments/compare'.get.responses.'422'", notNullValue())
                .body(
                        "components.schemas.Assessment.properties.keySet()",
                        hasItems(
                                "category_scores",
                                "green_line_status",
                                "total_score",
                                "max_possible_score",
                                "overall_percentage",
                                "assessment_version"))
                .body(
                        "components.schemas.AssessmentInsight.properties.keySet()",
                        hasItems("insight_type", "confidence_score", "supporting_responses"))
                .body("components.securitySchemes.bearer", notNullValue());
    }

    @Test
    void shouldDocumentTheSuccessAnswerOfEveryOperation() {
        OpenApiContract.assertEverySuccessDocumented();
    }
}
