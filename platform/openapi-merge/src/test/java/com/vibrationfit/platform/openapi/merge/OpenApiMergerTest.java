package com.vibrationfit.platform.openapi.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The public document lists what the gateway routes, never the services' /internal endpoints. */
class OpenApiMergerTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void shouldLeaveOutInternalPathsAndTheirTags() throws Exception {
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        documents.put("vision-service", mapper.readTree("""
                {"paths": {"/api/v1/visions": {"get": {}}, "/internal/v1/operations/outbox": {"get": {}}},
                 "tags": [{"name": "visions"}, {"name": "operations"}]}"""));
        JsonNode merged = new OpenApiMerger(mapper).merge(documents, "1.0");
        assertTrue(merged.path("paths").has("/api/v1/visions"));
        assertFalse(merged.path("paths").has("/internal/v1/operations/outbox"));
        assertFalse(merged.path("tags").toString().contains("operations"));
    }

    @Test
    void shouldKeepOnlyTheSchemasThePublicPathsUse() throws Exception {
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        documents.put("vision-service", mapper.readTree("""
                {"paths": {
                   "/api/v1/visions": {"get": {"responses": {"200": {"content": {"application/json":
                       {"schema": {"$ref": "#/components/schemas/PageVisionView"}}}}}}},
                   "/internal/v1/operations/outbox": {"get": {"responses": {"200": {"content": {"application/json":
                       {"schema": {"$ref": "#/components/schemas/OutboxState"}}}}}}}},
                 "components": {"schemas": {
                   "PageVisionView": {"type": "object", "properties": {"items": {"type": "array",
                       "items": {"$ref": "#/components/schemas/VisionView"}}}},
                   "VisionView": {"type": "object", "properties": {"id": {"$ref": "#/components/schemas/UUID"}}},
                   "UUID": {"type": "string", "format": "uuid", "maxLength": 36},
                   "OutboxState": {"type": "object", "properties": {"events": {"type": "array",
                       "items": {"$ref": "#/components/schemas/ParkedEvent"}}}},
                   "ParkedEvent": {"type": "object"},
                   "Unused": {"type": "object"}}}}"""));
        JsonNode merged = new OpenApiMerger(mapper).merge(documents, "1.0");
        // In the order the services define them; the internal path's schemas and the unused one are left out.
        assertEquals(
                List.of("PageVisionView", "VisionView", "UUID"),
                names(merged.path("components").path("schemas").fieldNames()));
    }

    private static List<String> names(Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    @Test
    void shouldKeepOperationIdsUniqueAcrossServices() throws Exception {
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        documents.put("vision-service", mapper.readTree("""
                {"paths": {"/api/v1/visions": {"get": {"operationId": "getVisions"}, "post": {"operationId": "create"}}}}"""));
        documents.put("journal-service", mapper.readTree("""
                {"paths": {"/api/v1/journal": {"get": {"operationId": "getJournal"}, "post": {"operationId": "create"}}}}"""));
        JsonNode merged = new OpenApiMerger(mapper).merge(documents, "1.0");
        assertEquals(
                "create",
                merged.at("/paths/~1api~1v1~1visions/post/operationId").asText());
        assertEquals(
                "journalServiceCreate",
                merged.at("/paths/~1api~1v1~1journal/post/operationId").asText());
        assertEquals(
                "getJournal",
                merged.at("/paths/~1api~1v1~1journal/get/operationId").asText());
        assertTrue(merged.path("x-merge-conflicts").toString().contains("journalServiceCreate"));
        // The services' own documents are left as they were.
        assertEquals(
                "create",
                documents
                        .get("journal-service")
                        .at("/paths/~1api~1v1~1journal/post/operationId")
                        .asText());
    }

    @Test
    void shouldDeclareTheServersAudienceAndEnvironment() {
        JsonNode server = new OpenApiMerger(mapper)
                .merge(new LinkedHashMap<>(), "1.0")
                .path("servers")
                .path(0);
        assertEquals("/", server.path("url").asText());
        assertFalse(server.path("x-internal").asBoolean(true));
        assertTrue(server.path("description").asText().contains("production"));
    }
}
