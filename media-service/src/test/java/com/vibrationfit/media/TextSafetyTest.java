package com.vibrationfit.media;

import static com.vibrationfit.platform.testing.Api.as;
import static com.vibrationfit.platform.testing.Api.problem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Control characters in any request text are a 400 naming the field or parameter (platform
 * RequestBodyRules and ParameterTextFilter; media-service has no code of its own for it).
 * media-service takes no dates.
 */
@QuarkusTest
class TextSafetyTest {

    private final UUID alice = UUID.randomUUID();

    @Test
    void shouldRefuseNulInATextFieldNamingItWithoutEchoingIt() {
        // Before: a 400 from the allow-list that echoed the NUL back inside its message.
        problem(
                        as(alice)
                                .body(Map.of(
                                        "purpose",
                                        "journal_image",
                                        "content_type",
                                        "image/jpeg\u0000",
                                        "size_bytes",
                                        10))
                                .post("/api/v1/media/uploads")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("content_type"))
                .body("errors[0].message", containsString("must not contain control characters (U+0000 at index 10)"))
                .body("errors[0].message", not(containsString("\u0000")));
    }

    @Test
    void shouldRefuseAControlCharacterInAListElementNamingTheElement() {
        // Before: the body was read and the request went on (404: no narration known for this vision).
        problem(
                        as(alice)
                                .body(Map.of("sections", List.of("health", "fun\u0007")))
                                .post("/api/v1/media/visions/" + UUID.randomUUID() + "/audio/regenerate")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("sections[1]"))
                .body("errors[0].message", containsString("U+0007"));
    }

    @Test
    void shouldRefuseControlCharactersInQueryAndPathParameters() {
        // Before: 404 for both (no such object; no such vision).
        problem(
                        as(alice)
                                .queryParam("download", "\u0007")
                                .get("/api/v1/media/objects/" + UUID.randomUUID())
                                .then(),
                        400)
                .body("errors[0].field", equalTo("download"));
        problem(
                        as(alice)
                                .urlEncodingEnabled(false)
                                .get("/api/v1/media/visions/%00/audio")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("vision_id"));
        problem(as(alice).get("/api/v1/media/objects/" + UUID.randomUUID()).then(), 404);
    }
}
