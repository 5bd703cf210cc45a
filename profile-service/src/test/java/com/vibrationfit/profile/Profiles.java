package com.vibrationfit.profile;

import static com.vibrationfit.platform.testing.Api.as;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;

/** Profile requests the tests repeat. */
public final class Profiles {

    private Profiles() {}

    /** The member's first save: version 1, active. Returns its id. */
    public static String create(UUID user, Map<String, Object> fields) {
        return as(user).body(fields)
                .patch("/api/v1/profiles/me")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    public static String draft(UUID user) {
        return as(user).body(Map.of())
                .post("/api/v1/profiles/drafts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    public static ExtractableResponse<Response> get(UUID user, String id) {
        return as(user).get("/api/v1/profiles/" + id).then().statusCode(200).extract();
    }

    public static void commit(UUID user, String id) {
        as(user).post("/api/v1/profiles/" + id + "/commit").then().statusCode(200);
    }
}
