package com.vibrationfit.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToIntFunction;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bob takes the whole Green Line assessment twice through the gateway: completes it, reads the categories
 * below the line and the insights, and compares the two; Alice sees none of it. Repeatable on a running
 * platform: an assessment left in progress by an earlier run is deleted first.
 */
@ExtendWith(PlatformUnderTest.class)
class AssessmentJourneyTest {

    private final String token = Keycloak.token("bob");

    private RequestSpecification bob() {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    private String takeAssessment(ToIntFunction<String> value) {
        String id = bob().body(Map.of())
                .post("/api/v1/assessments")
                .then()
                .statusCode(201)
                .body("status", equalTo("in_progress"))
                .extract()
                .path("id");
        List<String> questions = bob().get("/api/v1/assessments/questions")
                .then()
                .statusCode(200)
                .body("categories", hasSize(12))
                .extract()
                .path("categories.questions.flatten().id");
        for (String question : questions) {
            bob().body(Map.of("response_value", value.applyAsInt(question)))
                    .put("/api/v1/assessments/" + id + "/responses/" + question)
                    .then()
                    .statusCode(201);
        }
        bob().post("/api/v1/assessments/" + id + "/complete")
                .then()
                .statusCode(200)
                .body("status", equalTo("completed"));
        return id;
    }

    /** Alice's relationship status, committed in profile-service, reaches assessment-service as an event. */
    @Test
    void theQuestionsFollowTheCommittedProfile() {
        RequestSpecification alice =
                given().auth().oauth2(Keycloak.token("alice")).contentType(ContentType.JSON);
        for (String[] step : new String[][] {{"married", null}, {"single", "not_in_relationship"}}) {
            given().auth()
                    .oauth2(Keycloak.token("alice"))
                    .contentType(ContentType.JSON)
                    .body(Map.of("relationship_status", step[0]))
                    .patch("/api/v1/profiles/me")
                    .then()
                    .statusCode(Matchers.anyOf(equalTo(200), equalTo(201)));
            Instant deadline = Instant.now().plusSeconds(30);
            String alternative;
            do {
                alternative = alice.get("/api/v1/assessments/questions")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("categories.find { it.key == 'romance' }.alternative");
            } while (!Objects.equals(alternative, step[1]) && Instant.now().isBefore(deadline));
            Assertions.assertEquals(step[1], alternative, "romance questions for " + step[0]);
        }
    }

    @Test
    void bobTakesTheAssessmentTwiceAndSeesHisProgress() {
        List<String> open = bob().queryParam("status", "in_progress")
                .get("/api/v1/assessments")
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
        open.forEach(id -> bob().delete("/api/v1/assessments/" + id).then().statusCode(204));

        String first = takeAssessment(q -> q.startsWith("money_") ? 2 : 6);
        bob().get("/api/v1/assessments/" + first)
                .then()
                .statusCode(200)
                .body("total_score", equalTo(14 + 11 * 42))
                .body("green_line_status.money", equalTo("below"))
                .body("green_line_status.health", equalTo("transition"));
        bob().get("/api/v1/assessments/latest/below-green-line")
                .then()
                .statusCode(200)
                .body("assessment_id", equalTo(first))
                .body("categories.category", equalTo(List.of("money")));
        bob().get("/api/v1/assessments/" + first + "/insights")
                .then()
                .statusCode(200)
                .body("insight_type", hasItem("growth_area"))
                .body("insight_type", hasItem("recommendation"))
                .body("[0].confidence_score", notNullValue());

        String second = takeAssessment(q -> q.startsWith("money_") ? 8 : 6);
        bob().queryParam("from", first)
                .queryParam("to", second)
                .get("/api/v1/assessments/compare")
                .then()
                .statusCode(200)
                .body("total_change", equalTo(42))
                .body("categories.find { it.category == 'money' }.crossed", equalTo("up"));

        String alice = Keycloak.token("alice");
        given().auth()
                .oauth2(alice)
                .get("/api/v1/assessments/" + second)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(alice)
                .get("/api/v1/assessments/" + second + "/insights")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(alice)
                .get("/api/v1/assessments/" + second + "/responses")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(alice)
                .queryParam("from", first)
                .queryParam("to", second)
                .get("/api/v1/assessments/compare")
                .then()
                .statusCode(404);
        given().get("/api/v1/assessments").then().statusCode(401);
        given().get("/openapi")
                .then()
                .statusCode(200)
                .body("paths.'/api/v1/assessments/{id}/responses/{question_id}'.put", notNullValue());
    }
}
