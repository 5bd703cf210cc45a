package com.vibrationfit.aiusage;

import static io.restassured.RestAssured.given;

import com.vibrationfit.platform.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;

/** The internal spend API as a calling service uses it (a client-credentials token with the ai-spender role). */
public final class Spend {

    private Spend() {}

    public static RequestSpecification asService() {
        return given().auth()
                .oauth2(TestTokens.forService("media-service", "ai-spender"))
                .contentType(ContentType.JSON);
    }

    public static Response reserve(UUID member, int tokens) {
        return asService()
                .body(Map.of(
                        "user_id", member.toString(), "action_type", "audio_generation", "estimated_tokens", tokens))
                .post("/internal/v1/ai/reservations");
    }

    /** Captures {@code characters} narrated by the paid speech model. */
    public static Response capture(String reservation, int characters) {
        return asService()
                .body(Map.of("model_used", "eleven_multilingual_v2", "characters", characters, "success", true))
                .post("/internal/v1/ai/reservations/" + reservation + "/capture");
    }
}
