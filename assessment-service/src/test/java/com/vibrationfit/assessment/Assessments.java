package com.vibrationfit.assessment;

import static com.vibrationfit.platform.testing.Api.as;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.ToIntFunction;
import org.hamcrest.Matchers;

/** Assessment requests the tests repeat. */
public final class Assessments {

    private Assessments() {}

    public static String start(UUID user) {
        return as(user).body(Map.of())
                .post("/api/v1/assessments")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** The question ids the member answers now, in the canonical order. */
    public static List<String> questionIds(UUID user) {
        return as(user).get("/api/v1/assessments/questions")
                .then()
                .statusCode(200)
                .extract()
                .path("categories.questions.flatten().id");
    }

    /** Answers every question of the member's set with {@code value.applyAsInt(questionId)}. */
    public static void answerAll(UUID user, String assessment, ToIntFunction<String> value) {
        for (String question : questionIds(user)) {
            as(user).body(Map.of("response_value", value.applyAsInt(question)))
                    .put("/api/v1/assessments/" + assessment + "/responses/" + question)
                    .then()
                    .statusCode(Matchers.anyOf(Matchers.is(200), Matchers.is(201)));
        }
    }

    /** A completed assessment whose every answer is {@code value.applyAsInt(questionId)}. */
    public static String completed(UUID user, ToIntFunction<String> value) {
        String id = start(user);
        answerAll(user, id, value);
        as(user).post("/api/v1/assessments/" + id + "/complete").then().statusCode(200);
        return id;
    }
}
