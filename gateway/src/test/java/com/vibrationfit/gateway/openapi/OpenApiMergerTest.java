package com.vibrationfit.gateway.openapi;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
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
}
