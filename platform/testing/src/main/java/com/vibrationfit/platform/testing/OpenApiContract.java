package com.vibrationfit.platform.testing;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks on a service's own OpenAPI document ({@code GET /q/openapi}) that every service's
 * {@code OpenApiDocumentTest} runs, so the contract cannot lose what a client needs.
 */
public final class OpenApiContract {

    private static final Set<String> METHODS =
            Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    /**
     * A stream of Server-Sent Events: OpenAPI 3.1 has no schema for its events (3.2's {@code itemSchema} will); the
     * operation describes them.
     */
    private static final String EVENT_STREAM = "text/event-stream";

    private OpenApiContract() {}

    /** The service's document as it serves it. */
    public static JsonNode document() {
        String json = given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        try {
            return new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails naming every operation of the service's document whose success answer is not documented. */
    public static void assertEverySuccessDocumented() {
        List<String> undocumented = undocumentedSuccesses(document());
        if (!undocumented.isEmpty()) {
            throw new AssertionError("operations without a documented success answer (a 2xx with the schema of its "
                    + "body: @APIResponse(responseCode = \"200\", content = @Content(schema = @Schema(implementation "
                    + "= ...)))):\n  " + String.join("\n  ", undocumented));
        }
    }

    /**
     * Every operation that documents no 2xx answer, or a 2xx answer without the schema of its body: {@code METHOD
     * path: why}. A 204, and a 202 that documents no body, need none; an event stream has none.
     */
    public static List<String> undocumentedSuccesses(JsonNode document) {
        List<String> found = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields();
            while (operations.hasNext()) {
                Map.Entry<String, JsonNode> operation = operations.next();
                if (!METHODS.contains(operation.getKey())) {
                    continue;
                }
                String name = operation.getKey().toUpperCase() + " " + path.getKey();
                List<String> problems = successProblems(operation.getValue().path("responses"));
                problems.forEach(problem -> found.add(name + ": " + problem));
            }
        }
        return found;
    }

    private static List<String> successProblems(JsonNode responses) {
        List<String> problems = new ArrayList<>();
        boolean success = false;
        Iterator<Map.Entry<String, JsonNode>> codes = responses.fields();
        while (codes.hasNext()) {
            Map.Entry<String, JsonNode> code = codes.next();
            if (!code.getKey().startsWith("2")) {
                continue;
            }
            success = true;
            JsonNode content = code.getValue().path("content");
            if (code.getKey().equals("204")) {
                if (!content.isEmpty()) {
                    problems.add("204 documents a body");
                }
                continue;
            }
            if (content.isEmpty()) {
                if (!code.getKey().equals("202")) {
                    problems.add(code.getKey() + " documents no body");
                }
                continue;
            }
            Iterator<Map.Entry<String, JsonNode>> types = content.fields();
            while (types.hasNext()) {
                Map.Entry<String, JsonNode> type = types.next();
                JsonNode schema = type.getValue().path("schema");
                if (!type.getKey().equals(EVENT_STREAM) && (schema.isMissingNode() || schema.isEmpty())) {
                    problems.add(code.getKey() + " " + type.getKey() + " has no schema");
                }
            }
        }
        if (!success) {
            problems.add("no 2xx answer");
        }
        return problems;
    }
}
