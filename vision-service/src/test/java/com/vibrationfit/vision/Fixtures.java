package com.vibrationfit.vision;

import com.vibrationfit.platform.testing.Api;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Request builders and event payloads shared by this module's tests. */
public final class Fixtures {

    public static final String[] CATEGORIES = {
        "fun",
        "travel",
        "home",
        "family",
        "romance",
        "health",
        "money",
        "business",
        "social",
        "possessions",
        "giving",
        "spirituality"
    };

    private Fixtures() {}

    public static RequestSpecification as(UUID user) {
        return Api.as(user);
    }

    public static String createVision(UUID user, String title) {
        return as(user).body(Map.of("title", title))
                .post("/api/v1/visions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
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

    /** The payload of an {@code audio.track.completed} event on media.events, for section {@code fun}. */
    public static String audioCompleted(UUID user, String visionId, Instant at) {
        return """
                {"track_id":"%s","user_id":"%s","vision_id":"%s","section_key":"fun","content_hash":"abc",
                 "voice_id":"espeak:en","audio_url":"s3://bucket/key.mp3","duration_seconds":12,
                 "completed_at":"%s"}""".formatted(UUID.randomUUID(), user, visionId, at);
    }

    public static ValidatableResponse problem(ValidatableResponse response, int status) {
        return Api.problem(response, status);
    }
}
