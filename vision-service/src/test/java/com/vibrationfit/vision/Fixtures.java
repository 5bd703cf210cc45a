package com.vibrationfit.vision;

import com.vibrationfit.platform.testing.Api;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Request builders shared by this module's endpoint tests. */
public final class Fixtures {

    public static final String[] CATEGORIES = {"fun", "travel", "home", "family", "romance", "health", "money",
            "business", "social", "possessions", "giving", "spirituality"};

    private Fixtures() {
    }

    public static RequestSpecification as(UUID user) {
        return Api.as(user);
    }

    public static String createVision(UUID user, String title) {
        return as(user).body(Map.of("title", title)).post("/api/v1/visions")
                .then().statusCode(201).extract().path("id");
    }

    /** Every category written (and forward/conclusion), ready to complete. */
    public static Map<String, Object> allSections(String prefix) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("forward", prefix + " forward");
        for (String category : CATEGORIES) {
            body.put(category, prefix + " I love my " + category + ".");
        }
        body.put("conclusion", prefix + " conclusion");
        return body;
    }

    public static String completeVision(UUID user, String title) {
        String id = createVision(user, title);
        as(user).body(allSections(title)).patch("/api/v1/visions/" + id).then().statusCode(200);
        as(user).post("/api/v1/visions/" + id + "/complete").then().statusCode(200);
        return id;
    }

    public static ValidatableResponse problem(ValidatableResponse response, int status) {
        return Api.problem(response, status);
    }
}
