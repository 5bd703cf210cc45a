package com.vibrationfit.vision;

import static com.vibrationfit.vision.Fixtures.as;
import static com.vibrationfit.vision.Fixtures.createVision;
import static com.vibrationfit.vision.Fixtures.problem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * No text a member sends reaches the database or an event with control characters in it, and none
 * turns into a 500: every refusal is a 400 naming the field or parameter (platform RequestBodyRules and
 * ParameterTextFilter; vision-service has no code of its own for it). vision-service takes no dates.
 */
@QuarkusTest
class TextSafetyTest {

    private final UUID alice = UUID.randomUUID();

    @Test
    void shouldRefuseNulInATextFieldWith400NamingIt() {
        // PostgreSQL refuses NUL in text: this was a 500.
        problem(
                        as(alice)
                                .body(Map.of("title", "My\u0000vision"))
                                .post("/api/v1/visions")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("title"))
                .body("errors[0].message", containsString("U+0000"));
        String id = createVision(alice, "Clean");
        problem(
                        as(alice)
                                .body(Map.of("health", "Strong\u0000"))
                                .patch("/api/v1/visions/" + id)
                                .then(),
                        400)
                .body("errors[0].field", equalTo("health"));
        as(alice).get("/api/v1/visions/" + id).then().statusCode(200).body("health", equalTo(""));
    }

    @Test
    void shouldRefuseOtherControlCharactersButKeepTabsAndLineBreaks() {
        String id = createVision(alice, "Escape");
        // Accepted (and sent on in vision.updated) before: an ANSI escape and a bell.
        problem(
                        as(alice)
                                .body(Map.of("fun", "\u001b[31mred\u0007"))
                                .patch("/api/v1/visions/" + id)
                                .then(),
                        400)
                .body("errors[0].field", equalTo("fun"))
                .body("errors[0].message", containsString("U+001B"));
        problem(
                        as(alice)
                                .body(Map.of("name", "Boat", "description", "a\u0001b"))
                                .post("/api/v1/vision-board/items")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("description"));
        as(alice)
                .body(Map.of("fun", "Line one\n\tLine two\r\n"))
                .patch("/api/v1/visions/" + id)
                .then()
                .statusCode(200)
                .body("fun", equalTo("Line one\n\tLine two\r\n"));
    }

    @Test
    void shouldRefuseControlCharactersInQueryAndPathParameters() {
        problem(
                        as(alice)
                                .queryParam("status", "draft\u0000")
                                .get("/api/v1/visions")
                                .then(),
                        400)
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("status"))
                .body("errors[0].message", containsString("control characters"));
        // Even a parameter the endpoint ignores: it answered 200 before.
        problem(
                        as(alice)
                                .queryParam("q", "\u0007")
                                .get("/api/v1/vision-board/items")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("q"));
        problem(
                        as(alice)
                                .urlEncodingEnabled(false)
                                .get("/api/v1/vision-board/items/%00")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("id"));
        as(alice)
                .queryParam("status", "draft")
                .get("/api/v1/visions")
                .then()
                .statusCode(200)
                .body("items", equalTo(List.of()));
    }
}
