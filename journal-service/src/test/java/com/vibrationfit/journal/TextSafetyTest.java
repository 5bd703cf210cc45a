package com.vibrationfit.journal;

import static com.vibrationfit.platform.testing.Api.as;
import static com.vibrationfit.platform.testing.Api.problem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.vibrationfit.platform.testing.UploadedMedia;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Text with control characters and dates outside 0001-9999 are a 400 naming the field or parameter,
 * never a 500 and never stored (platform RequestBodyRules and ParameterTextFilter, SupportedDates for
 * the from/to parameters).
 */
@QuarkusTest
class TextSafetyTest {

    private final UUID alice = UUID.randomUUID();

    private static Map<String, Object> recording(String url, String transcript) {
        return Map.of("url", url, "transcript", transcript, "type", "audio", "duration", 3.5);
    }

    @Test
    void shouldRefuseNulInATextFieldNamingIt() {
        // PostgreSQL refuses NUL in text: this was a 500.
        problem(
                        as(alice)
                                .body(Map.of("content", "Dear diary\u0000"))
                                .post("/api/v1/journal/entries")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("content"))
                .body("errors[0].message", containsString("U+0000 at index 10"));
    }

    @Test
    void shouldRefuseControlCharactersInsideTheRecordingsDocumentAndInListElements() {
        String voice = UploadedMedia.photo(alice);
        // audio_recordings is stored as a jsonb document: a bell in a transcript was stored and sent on.
        problem(
                        as(alice)
                                .body(Map.of(
                                        "content",
                                        "x",
                                        "audio_recordings",
                                        List.of(recording(voice, "I felt\u0007 good"))))
                                .post("/api/v1/journal/entries")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("audio_recordings[0].transcript"))
                .body("errors[0].message", containsString("U+0007"));
        problem(
                        as(alice)
                                .body(Map.of("content", "x", "image_urls", List.of(voice + "\u0001")))
                                .post("/api/v1/journal/entries")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("image_urls[0]"))
                .body("errors[0].message", containsString("control characters"));
    }

    @Test
    void shouldRefuseControlCharactersInQueryAndPathParameters() {
        // websearch_to_tsquery(NUL) failed in PostgreSQL: this was a 500.
        problem(
                        as(alice)
                                .queryParam("q", "sun\u0000")
                                .get("/api/v1/journal/entries")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("q"));
        problem(
                        as(alice)
                                .urlEncodingEnabled(false)
                                .get("/api/v1/journal/entries/%00")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("id"));
        as(alice).queryParam("q", "sun").get("/api/v1/journal/entries").then().statusCode(200);
    }

    @Test
    void shouldRefuseDatesOutsideTheSupportedYearsInBodiesAndQueries() {
        // Before 4713 BC PostgreSQL refuses a date: this was a 500.
        problem(
                        as(alice)
                                .body(Map.of("date", "-5000-01-01", "content", "x"))
                                .post("/api/v1/journal/entries")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("date"))
                .body("errors[0].message", equalTo("must be a date between 0001-01-01 and 9999-12-31"));
        // Year 300000 was stored as is (a date column and the recordings jsonb both take it).
        problem(
                        as(alice)
                                .body(Map.of("date", "+300000-01-01", "content", "x"))
                                .post("/api/v1/journal/entries")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("date"));
        String voice = UploadedMedia.photo(alice);
        Map<String, Object> late =
                Map.of("url", voice, "type", "audio", "duration", 1.0, "created_at", "+300000-01-01T00:00:00Z");
        problem(
                        as(alice)
                                .body(Map.of("content", "x", "audio_recordings", List.of(late)))
                                .post("/api/v1/journal/entries")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("audio_recordings[0].created_at"));
        problem(
                        as(alice)
                                .queryParam("from", "-5000-01-01")
                                .get("/api/v1/journal/entries")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("from"));
        as(alice)
                .body(Map.of("date", "0001-01-01", "content", "The first day"))
                .post("/api/v1/journal/entries")
                .then()
                .statusCode(201)
                .body("date", equalTo("0001-01-01"));
    }
}
