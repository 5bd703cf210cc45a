package com.vibrationfit.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Merges the services' OpenAPI documents into one: every path, every component schema and security
 * scheme, every tag. Paths are unique per service by design (each owns its prefixes); a schema name
 * two services define differently keeps the first and is reported under {@code x-merge-conflicts}.
 */
public final class OpenApiMerger {

    private final ObjectMapper mapper;

    public OpenApiMerger(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    private static final Set<String> INTERNAL_TAGS = Set.of("operations");

    /** @param documents service name to its OpenAPI document (JSON) */
    public ObjectNode merge(Map<String, JsonNode> documents, String version) {
        ObjectNode merged = mapper.createObjectNode();
        merged.put("openapi", "3.1.0");
        ObjectNode info = merged.putObject("info");
        info.put("title", "VibrationFit API");
        info.put("version", version);
        info.put("description", "Every endpoint of the platform behind the gateway. Authenticate with a bearer access "
                + "token from the OIDC provider (audience vibrationfit-api). Errors are RFC 9457 problem+json.");
        merged.putArray("servers").addObject().put("url", "/");
        ObjectNode paths = merged.putObject("paths");
        ObjectNode schemas = mapper.createObjectNode();
        ObjectNode securitySchemes = mapper.createObjectNode();
        ArrayNode tags = merged.putArray("tags");
        Set<String> tagNames = new HashSet<>();
        ArrayNode conflicts = mapper.createArrayNode();
        ArrayNode sources = mapper.createArrayNode();

        documents.forEach((service, document) -> {
            sources.add(service);
            copyPublicPaths(document.path("paths"), paths);
            copyFields(document.path("components").path("schemas"), schemas, conflicts, service);
            copyFields(document.path("components").path("securitySchemes"), securitySchemes, null, service);
            for (JsonNode tag : document.path("tags")) {
                if (!INTERNAL_TAGS.contains(tag.path("name").asText()) && tagNames.add(tag.path("name").asText())) {
                    tags.add(tag);
                }
            }
        });
        ObjectNode components = merged.putObject("components");
        components.set("schemas", schemas);
        components.set("securitySchemes", securitySchemes);
        merged.set("x-merged-from", sources);
        if (!conflicts.isEmpty()) {
            merged.set("x-merge-conflicts", conflicts);
        }
        return merged;
    }

    /** Service-to-service and operator paths ({@code /internal/...}) are never routed, so never documented here. */
    private static void copyPublicPaths(JsonNode from, ObjectNode to) {
        Iterator<Map.Entry<String, JsonNode>> fields = from.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getKey().startsWith("/internal/") && !to.has(field.getKey())) {
                to.set(field.getKey(), field.getValue());
            }
        }
    }

    private static void copyFields(JsonNode from, ObjectNode to, ArrayNode conflicts, String service) {
        Iterator<Map.Entry<String, JsonNode>> fields = from.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode existing = to.get(field.getKey());
            if (existing == null) {
                to.set(field.getKey(), field.getValue());
            } else if (conflicts != null && !existing.equals(field.getValue())) {
                conflicts.add(field.getKey() + " (kept the first definition; " + service + " differs)");
            }
        }
    }
}
