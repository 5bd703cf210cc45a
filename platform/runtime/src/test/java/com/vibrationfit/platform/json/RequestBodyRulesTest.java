package com.vibrationfit.platform.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.vibrationfit.platform.errors.FieldError;
import com.vibrationfit.platform.errors.JsonErrors;
import com.vibrationfit.platform.errors.Problem;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Request bodies read with {@link RequestBodyMapper}: what is refused, and under which field name. */
class RequestBodyRulesTest {

    record Section(String content) {}

    record Body(
            String title,
            List<String> tags,
            String[] labels,
            List<Section> sections,
            Map<String, Object> metadata,
            Map<String, String> names,
            JsonNode document,
            Instant at,
            LocalDate date,
            OffsetDateTime offset,
            ZonedDateTime zoned,
            LocalDateTime local) {}

    /** The application's mapper as Quarkus configures it here: snake_case names, java.time, StrictJson. */
    private static ObjectMapper applicationMapper() {
        ObjectMapper mapper = new ObjectMapper()
                .findAndRegisterModules()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        new StrictJson().customize(mapper);
        return mapper;
    }

    private final ObjectMapper application = applicationMapper();
    private final ObjectMapper requests = new RequestBodyMapper(application).getContext(Body.class);

    private FieldError refusal(String json) {
        JsonProcessingException e =
                assertThrows(JsonProcessingException.class, () -> requests.readValue(json, Body.class));
        Problem problem = JsonErrors.toProblem(e);
        assertEquals(400, problem.status());
        assertEquals(1, problem.errors().size(), problem.toString());
        return problem.errors().get(0);
    }

    private void assertRefused(String json, String field, String messagePart) {
        FieldError error = refusal(json);
        assertEquals(field, error.field(), error.toString());
        assertTrue(error.message().contains(messagePart), error.message());
    }

    @Test
    void shouldAcceptTabsLineBreaksEmojiAndTheFirstAndLastSupportedDay() throws Exception {
        Body body = requests.readValue("""
                {"title": "a\\tb\\r\\nc \\ud83d\\ude00 é", "tags": ["x\\ny"], "metadata": {"k": {"n": [1, "ok\\t"]}},
                 "document": {"a": ["b"]}, "date": "0001-01-01", "at": "9999-12-31T23:59:59Z",
                 "local": "9999-12-31T23:59:59", "offset": "0001-01-01T01:00:00+01:00"}""", Body.class);
        assertEquals("a\tb\r\nc \uD83D\uDE00 é", body.title());
        assertEquals(LocalDate.of(1, 1, 1), body.date());
        assertEquals(Map.of("k", Map.of("n", List.of(1, "ok\t"))), body.metadata());
    }

    @Test
    void shouldRefuseNulInATextFieldNamingIt() {
        assertRefused("{\"title\": \"a\\u0000b\"}", "title", "U+0000 at index 1");
    }

    @Test
    void shouldRefuseOtherControlCharactersAndDelAndLoneSurrogates() {
        assertRefused("{\"title\": \"\\u001b[31mred\"}", "title", "U+001B");
        assertRefused("{\"title\": \"bell\\u0007\"}", "title", "U+0007");
        assertRefused("{\"title\": \"del\\u007f\"}", "title", "U+007F");
        assertRefused("{\"title\": \"half \\ud83d\"}", "title", "unpaired UTF-16 surrogate (U+D83D");
    }

    @Test
    void shouldNameListAndArrayElementsAndNestedObjects() {
        assertRefused("{\"tags\": [\"ok\", \"bad\\u0001\"]}", "tags[1]", "control characters");
        assertRefused("{\"labels\": [\"bad\\u0002\"]}", "labels[0]", "control characters");
        assertRefused(
                "{\"sections\": [{\"content\": \"a\"}, {\"content\": \"b\"}, {\"content\": \"c\"}, "
                        + "{\"content\": \"\\u0000\"}]}",
                "sections[3].content",
                "U+0000");
    }

    @Test
    void shouldNameTheExactPlaceInsideUntypedDocuments() {
        assertRefused("{\"metadata\": {\"a\": {\"b\": [\"ok\", \"\\u0007\"]}}}", "metadata.a.b[1]", "U+0007");
        assertRefused("{\"names\": {\"first\": \"\\u0000\"}}", "names.first", "U+0000");
    }

    @Test
    void shouldRefuseControlCharactersInObjectKeysNamingTheObject() {
        assertRefused("{\"names\": {\"ke\\u0000y\": \"v\"}}", "names", "a key must not contain control characters");
        assertRefused("{\"metadata\": {\"a\": {\"k\\u0001\": 1}}}", "metadata.a", "a key must not");
        assertRefused("{\"metadata\": {\"k\\u0001\": 1}}", "metadata", "a key must not");
    }

    @Test
    void shouldCheckEverythingInsideJsonNodeFields() {
        assertRefused("{\"document\": {\"x\": [{\"y\": \"\\u001f\"}]}}", "document.x[0].y", "U+001F");
        assertRefused("{\"document\": {\"x\": {\"\\u0000\": true}}}", "document.x", "a key must not");
        assertRefused("{\"document\": \"\\u0000\"}", "document", "U+0000");
    }

    @Test
    void shouldRefuseDatesAndTimesOutsideYears1To9999() {
        assertRefused("{\"at\": \"+300000-01-01T00:00:00Z\"}", "at", "must be a time between");
        assertRefused("{\"date\": \"-5000-01-01\"}", "date", "must be a date between 0001-01-01 and 9999-12-31");
        assertRefused("{\"date\": \"0000-12-31\"}", "date", "must be a date between");
        assertRefused("{\"offset\": \"9999-12-31T23:00:00-05:00\"}", "offset", "must be a time between");
        assertRefused("{\"zoned\": \"-0001-06-01T00:00:00Z[UTC]\"}", "zoned", "must be a time between");
        assertRefused("{\"local\": \"+10000-01-01T00:00:00\"}", "local", "must be a time between");
    }

    @Test
    void shouldKeepTheApplicationsStrictnessAndLeaveItsOwnMapperUnchanged() throws Exception {
        assertRefused("{\"title\": 5}", "title", "'5' is not a string");
        assertRefused("{\"unknown\": 1}", "unknown", "unknown field");
        // Stored rows and consumed events are read with the application's mapper: they stay readable.
        Body stored = application.readValue("{\"title\": \"bell\\u0007\", \"date\": \"-5000-01-01\"}", Body.class);
        assertEquals("bell\u0007", stored.title());
    }
}
