package com.vibrationfit.assessment.greenline;

import static com.vibrationfit.platform.testing.Api.as;
import static com.vibrationfit.platform.testing.Api.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vibrationfit.assessment.Assessments;
import com.vibrationfit.assessment.bank.Question;
import com.vibrationfit.platform.paging.Cursor;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AssessmentResourceTest {

    private final UUID alice = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();

    /** Value by category: money 2, health 10, everything else 6 (42: exactly the transition floor). */
    private static int crafted(String questionId) {
        if (questionId.startsWith("money_")) {
            return 2;
        }
        return questionId.startsWith("health_") ? 10 : 6;
    }

    @Test
    void shouldServeTheQuestionBankInTheCanonicalOrder() {
        as(alice)
                .get("/api/v1/assessments/questions")
                .then()
                .statusCode(200)
                .body("assessment_version", equalTo(1))
                .body(
                        "categories.key",
                        equalTo(List.of(
                                "money",
                                "health",
                                "family",
                                "romance",
                                "social",
                                "business",
                                "fun",
                                "travel",
                                "home",
                                "possessions",
                                "giving",
                                "spirituality")))
                .body("categories[0].questions", hasSize(7))
                .body("categories[0].questions[0].id", equalTo("money_1"))
                .body("categories[0].questions[0].answers.value", equalTo(List.of(10, 8, 6, 4, 2)))
                .body(
                        "categories[0].questions[0].answers.green_line",
                        equalTo(List.of("above", "above", "neutral", "below", "below")))
                .body("categories[0].questions[0].answers[0].emoji", notNullValue())
                .body("categories.alternative", everyItem(nullValue()));
        as(alice)
                .queryParam("category", "travel")
                .get("/api/v1/assessments/questions")
                .then()
                .statusCode(200)
                .body("categories", hasSize(1))
                .body("categories[0].key", equalTo("travel"));
        problem(
                        as(alice)
                                .queryParam("category", "career")
                                .get("/api/v1/assessments/questions")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("category"));
    }

    @Test
    void shouldTakeAWholeAssessmentScoreItAndWriteInsights() {
        String id = as(alice)
                .body(Map.of("notes", "first try"))
                .post("/api/v1/assessments")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/assessments/"))
                .body("status", equalTo("in_progress"))
                .body("started_at", notNullValue())
                .body("max_possible_score", equalTo(840))
                .body("total_questions", equalTo(84))
                .body("answered_questions", equalTo(0))
                .body("notes", equalTo("first try"))
                .extract()
                .path("id");
        problem(as(alice).body(Map.of()).post("/api/v1/assessments").then(), 409);

        as(alice)
                .body(Map.of("response_value", 4))
                .put("/api/v1/assessments/" + id + "/responses/money_1")
                .then()
                .statusCode(201)
                .body("question_id", equalTo("money_1"))
                .body("category", equalTo("money"))
                .body("response_value", equalTo(4))
                .body("green_line", equalTo("below"))
                .body("question_text", notNullValue())
                .body("response_text", notNullValue())
                .body("response_emoji", notNullValue());
        as(alice)
                .get("/api/v1/assessments/" + id)
                .then()
                .body("category_scores.money", equalTo(4))
                .body("total_score", equalTo(4))
                .body("green_line_status.money", nullValue());
        // answering again replaces the answer
        as(alice)
                .body(Map.of("response_value", 10))
                .put("/api/v1/assessments/" + id + "/responses/money_1")
                .then()
                .statusCode(200)
                .body("green_line", equalTo("above"));
        as(alice)
                .get("/api/v1/assessments/" + id)
                .then()
                .body("category_scores.money", equalTo(10))
                .body("answered_questions", equalTo(1));

        problem(as(alice).post("/api/v1/assessments/" + id + "/complete").then(), 422)
                .body("errors", hasSize(83))
                .body("errors.field", hasItem("responses.spirituality_7"));

        Assessments.answerAll(alice, id, q -> q.equals("money_1") ? 2 : crafted(q)); // money_1 already answered: 200
        as(alice)
                .get("/api/v1/assessments/" + id)
                .then()
                .body("answered_questions", equalTo(84))
                .body("category_scores.money", equalTo(14))
                .body("category_scores.health", equalTo(70))
                .body("category_scores.family", equalTo(42))
                .body("green_line_status.money", equalTo("below"))
                .body("green_line_status.health", equalTo("above"))
                .body("green_line_status.family", equalTo("transition"))
                .body("total_score", equalTo(14 + 70 + 10 * 42))
                .body("overall_percentage", equalTo(60));

        as(alice)
                .post("/api/v1/assessments/" + id + "/complete")
                .then()
                .statusCode(200)
                .body("status", equalTo("completed"))
                .body("completed_at", notNullValue());
        problem(as(alice).post("/api/v1/assessments/" + id + "/complete").then(), 409);
        problem(
                as(alice)
                        .body(Map.of("response_value", 8))
                        .put("/api/v1/assessments/" + id + "/responses/money_2")
                        .then(),
                409);

        as(alice)
                .get("/api/v1/assessments/" + id + "/responses")
                .then()
                .statusCode(200)
                .body("", hasSize(84))
                .body("[0].question_id", equalTo("money_1"))
                .body("[83].question_id", equalTo("spirituality_7"));
        List<Map<String, Object>> insights = as(alice)
                .get("/api/v1/assessments/" + id + "/insights")
                .then()
                .statusCode(200)
                .body("insight_type", hasItem("strength"))
                .body("insight_type", hasItem("growth_area"))
                .body("insight_type", hasItem("pattern"))
                .body("insight_type", hasItem("recommendation"))
                .extract()
                .path("");
        for (int i = 1; i < insights.size(); i++) {
            assertTrue(
                    ((Number) insights.get(i - 1).get("confidence_score")).doubleValue()
                            >= ((Number) insights.get(i).get("confidence_score")).doubleValue(),
                    "highest confidence first");
        }
        as(alice)
                .queryParam("category", "money")
                .get("/api/v1/assessments/" + id + "/insights")
                .then()
                .statusCode(200)
                .body("category", everyItem(equalTo("money")))
                .body("find { it.insight_type == 'growth_area' }.supporting_responses", hasSize(7));

        as(alice)
                .get("/api/v1/assessments/latest/below-green-line")
                .then()
                .statusCode(200)
                .body("assessment_id", equalTo(id))
                .body("categories", hasSize(1))
                .body("categories[0].category", equalTo("money"))
                .body("categories[0].score", equalTo(14));
    }

    @Test
    void shouldCompareTwoCompletedAssessments() {
        String first = Assessments.completed(alice, AssessmentResourceTest::crafted);
        String second = Assessments.completed(alice, q -> q.startsWith("money_") ? 8 : crafted(q));
        as(alice)
                .queryParam("from", first)
                .queryParam("to", second)
                .get("/api/v1/assessments/compare")
                .then()
                .statusCode(200)
                .body("from_id", equalTo(first))
                .body("total_change", equalTo(42))
                .body("categories", hasSize(12))
                .body("categories[0].category", equalTo("money"))
                .body("categories[0].from_score", equalTo(14))
                .body("categories[0].to_score", equalTo(56))
                .body("categories[0].change", equalTo(42))
                .body("categories[0].from_status", equalTo("below"))
                .body("categories[0].to_status", equalTo("above"))
                .body("categories[0].crossed", equalTo("up"))
                .body("categories[1].crossed", nullValue());
        as(alice)
                .get("/api/v1/assessments/latest/below-green-line")
                .then()
                .body("assessment_id", equalTo(second))
                .body("categories", hasSize(0));

        String open = Assessments.start(alice);
        problem(
                        as(alice)
                                .queryParam("from", first)
                                .queryParam("to", open)
                                .get("/api/v1/assessments/compare")
                                .then(),
                        422)
                .body("errors[0].field", equalTo("to"));
        problem(
                        as(alice)
                                .queryParam("from", "nope")
                                .get("/api/v1/assessments/compare")
                                .then(),
                        400)
                .body("errors.field", equalTo(List.of("from", "to")));
        String bobs = Assessments.completed(bob, q -> 6);
        problem(
                as(alice)
                        .queryParam("from", first)
                        .queryParam("to", bobs)
                        .get("/api/v1/assessments/compare")
                        .then(),
                404);
    }

    @Test
    void shouldListFilterAndDelete() {
        String done = Assessments.completed(alice, q -> 6);
        String open = Assessments.start(alice);
        as(alice).get("/api/v1/assessments").then().statusCode(200).body("items.id", equalTo(List.of(open, done)));
        as(alice)
                .queryParam("status", "completed")
                .get("/api/v1/assessments")
                .then()
                .body("items.id", equalTo(List.of(done)));
        as(alice)
                .queryParam("limit", 1)
                .get("/api/v1/assessments")
                .then()
                .body("items", hasSize(1))
                .body("next_cursor", notNullValue());
        problem(
                        as(alice)
                                .queryParam("status", "done")
                                .get("/api/v1/assessments")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("status"));

        as(alice).delete("/api/v1/assessments/" + done).then().statusCode(204);
        problem(as(alice).get("/api/v1/assessments/" + done).then(), 404);
        problem(as(alice).get("/api/v1/assessments/" + done + "/insights").then(), 404);
        assertEquals(
                1, (int) as(alice).get("/api/v1/assessments").then().extract().path("items.size()"));
        as(alice).delete("/api/v1/assessments/" + open).then().statusCode(204);
        problem(as(alice).get("/api/v1/assessments/latest/below-green-line").then(), 404);
        Assessments.start(alice); // nothing in progress any more
    }

    @Test
    void shouldRefuseBadAnswers() {
        String id = Assessments.start(alice);
        problem(
                        as(alice)
                                .body(Map.of("response_value", 5))
                                .put("/api/v1/assessments/" + id + "/responses/money_1")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("response_value"));
        problem(
                        as(alice)
                                .body(Map.of("response_value", 12))
                                .put("/api/v1/assessments/" + id + "/responses/money_1")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("response_value"));
        problem(
                        as(alice)
                                .body(Map.of())
                                .put("/api/v1/assessments/" + id + "/responses/money_1")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("response_value"));
        problem(
                        as(alice)
                                .body(Map.of("response_value", "eight"))
                                .put("/api/v1/assessments/" + id + "/responses/money_1")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("response_value"));
        problem(
                        as(alice)
                                .body(Map.of("response_value", 8))
                                .put("/api/v1/assessments/" + id + "/responses/money_99")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("question_id"));
        // The bound the OpenAPI document states for the path parameter (@Size) is the one enforced.
        problem(
                        as(alice)
                                .body(Map.of("response_value", 8))
                                .put("/api/v1/assessments/" + id + "/responses/"
                                        + "money_1".repeat(Question.ID_MAX_LENGTH))
                                .then(),
                        400)
                .body("errors[0].field", equalTo("question_id"));
        problem(
                        as(alice)
                                .queryParam("cursor", "c".repeat(Cursor.MAX_LENGTH + 1))
                                .get("/api/v1/assessments")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("cursor"));
        problem(
                        as(alice)
                                .body(Map.of("response_value", 8, "response_text", "mine"))
                                .put("/api/v1/assessments/" + id + "/responses/money_1")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("response_text"));
        // romance_8 belongs to the alternative set, which a member without a known profile does not get
        problem(
                as(alice)
                        .body(Map.of("response_value", 8))
                        .put("/api/v1/assessments/" + id + "/responses/romance_8")
                        .then(),
                400);
        problem(
                        as(alice)
                                .body(Map.of(
                                        "profile_version_id", UUID.randomUUID().toString()))
                                .post("/api/v1/assessments")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("profile_version_id"));
        as(alice).get("/api/v1/assessments/" + id).then().body("answered_questions", equalTo(0));
    }

    @Test
    void shouldHideEveryAssessmentFromAnotherMember() {
        String id = Assessments.completed(alice, AssessmentResourceTest::crafted);
        problem(as(bob).get("/api/v1/assessments/" + id).then(), 404);
        problem(as(bob).get("/api/v1/assessments/" + id + "/responses").then(), 404);
        problem(as(bob).get("/api/v1/assessments/" + id + "/insights").then(), 404);
        problem(
                as(bob).body(Map.of("response_value", 8))
                        .put("/api/v1/assessments/" + id + "/responses/money_1")
                        .then(),
                404);
        problem(as(bob).post("/api/v1/assessments/" + id + "/complete").then(), 404);
        problem(as(bob).delete("/api/v1/assessments/" + id).then(), 404);
        problem(as(bob).get("/api/v1/assessments/latest/below-green-line").then(), 404);
        as(bob).get("/api/v1/assessments").then().body("items", hasSize(0));
        as(alice).get("/api/v1/assessments/" + id).then().statusCode(200).body("total_score", greaterThan(0));
    }

    @Test
    void shouldStartExactlyOneWhenManyStartsRaceIn() throws Exception {
        var pool = Executors.newFixedThreadPool(8);
        try {
            var start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return as(alice).body(Map.of()).post("/api/v1/assessments").statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (var answer : answers) {
                statuses.add(answer.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(7, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldRequireAToken() {
        given().get("/api/v1/assessments/questions").then().statusCode(401);
        given().get("/api/v1/assessments").then().statusCode(401);
        given().contentType("application/json")
                .body("{}")
                .post("/api/v1/assessments")
                .then()
                .statusCode(401);
        given().contentType("application/json")
                .body("{\"response_value\":8}")
                .put("/api/v1/assessments/" + UUID.randomUUID() + "/responses/money_1")
                .then()
                .statusCode(401);
    }
}
