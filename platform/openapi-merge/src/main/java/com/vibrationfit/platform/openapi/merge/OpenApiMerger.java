package com.vibrationfit.platform.openapi.merge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Merges the services' OpenAPI documents into one: every public path, the component schemas they use (those of
 * {@code /internal} paths stay out, like the paths), every security scheme and tag. Paths are unique per service
 * by design (each owns its prefixes); a schema name two services define differently keeps the first and is
 * reported under {@code x-merge-conflicts}.
 * OperationIds (each service's ContractFilter derives them from the path) stay unique across services:
 * one a previous service already uses gets the service's name in front and is reported there too.
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
        info.put(
                "description",
                "Every endpoint of the platform behind the gateway. Authenticate with a bearer access "
                        + "token from the OIDC provider (audience vibrationfit-api). Errors are RFC 9457 problem+json.");
        // One server: the gateway that served this document, in whichever environment (local, staging or
        // production); its audience is the public one.
        merged.putArray("servers")
                .addObject()
                .put("url", "/")
                .put(
                        "description",
                        "This gateway: the origin this document was fetched from (local, staging or " + "production)")
                .put("x-internal", false);
        ObjectNode paths = merged.putObject("paths");
        ObjectNode schemas = mapper.createObjectNode();
        ObjectNode securitySchemes = mapper.createObjectNode();
        ArrayNode tags = merged.putArray("tags");
        Set<String> tagNames = new HashSet<>();
        ArrayNode conflicts = mapper.createArrayNode();
        ArrayNode sources = mapper.createArrayNode();

        Set<String> operationIds = new HashSet<>();
        documents.forEach((service, document) -> {
            sources.add(service);
            copyPublicPaths(document.path("paths"), paths, operationIds, conflicts, service);
            copyFields(document.path("components").path("schemas"), schemas, conflicts, service);
            copyFields(document.path("components").path("securitySchemes"), securitySchemes, null, service);
            for (JsonNode tag : document.path("tags")) {
                if (!INTERNAL_TAGS.contains(tag.path("name").asText())
                        && tagNames.add(tag.path("name").asText())) {
                    tags.add(tag);
                }
            }
        });
        ObjectNode components = merged.putObject("components");
        components.set("schemas", reachable(schemas, paths));
        components.set("securitySchemes", securitySchemes);
        merged.set("x-merged-from", sources);
        if (!conflicts.isEmpty()) {
            merged.set("x-merge-conflicts", conflicts);
        }
        return merged;
    }

    /** Service-to-service and operator paths ({@code /internal/...}) are never routed, so never documented here. */
    private static void copyPublicPaths(
            JsonNode from, ObjectNode to, Set<String> operationIds, ArrayNode conflicts, String service) {
        Iterator<Map.Entry<String, JsonNode>> fields = from.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getKey().startsWith("/internal/") && !to.has(field.getKey())) {
                JsonNode item = field.getValue();
                if (item instanceof ObjectNode pathItem) {
                    item = pathItem.deepCopy();
                    uniqueOperationIds((ObjectNode) item, operationIds, conflicts, service);
                }
                to.set(field.getKey(), item);
            }
        }
    }

    private static final String SCHEMA_REF = "#/components/schemas/";

    /** The schemas {@code paths} refer to, directly or through other schemas, in their order of definition. */
    static ObjectNode reachable(ObjectNode schemas, JsonNode paths) {
        Set<String> used = new HashSet<>();
        Deque<JsonNode> pending = new ArrayDeque<>();
        pending.push(paths);
        while (!pending.isEmpty()) {
            JsonNode node = pending.pop();
            if (node.isObject()) {
                JsonNode ref = node.get("$ref");
                if (ref != null && ref.isTextual() && ref.asText().startsWith(SCHEMA_REF)) {
                    String name = ref.asText().substring(SCHEMA_REF.length());
                    if (used.add(name) && schemas.has(name)) {
                        pending.push(schemas.get(name));
                    }
                }
            }
            if (node.isContainerNode()) {
                node.forEach(pending::push);
            }
        }
        ObjectNode kept = schemas.objectNode();
        schemas.fields().forEachRemaining(schema -> {
            if (used.contains(schema.getKey())) {
                kept.set(schema.getKey(), schema.getValue());
            }
        });
        return kept;
    }

    private static final Set<String> METHODS =
            Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private static void uniqueOperationIds(
            ObjectNode pathItem, Set<String> operationIds, ArrayNode conflicts, String service) {
        Iterator<Map.Entry<String, JsonNode>> operations = pathItem.fields();
        while (operations.hasNext()) {
            Map.Entry<String, JsonNode> operation = operations.next();
            if (!METHODS.contains(operation.getKey())
                    || !(operation.getValue() instanceof ObjectNode node)
                    || node.path("operationId").asText().isEmpty()) {
                continue;
            }
            String id = node.path("operationId").asText();
            if (operationIds.add(id)) {
                continue;
            }
            String renamed = camelCase(service) + Character.toUpperCase(id.charAt(0)) + id.substring(1);
            for (int n = 2; !operationIds.add(renamed); n++) {
                renamed = camelCase(service) + Character.toUpperCase(id.charAt(0)) + id.substring(1) + n;
            }
            node.put("operationId", renamed);
            conflicts.add("operationId " + id + " (already used; " + service + "'s is " + renamed + ")");
        }
    }

    /** {@code vision-service}: {@code visionService}. */
    private static String camelCase(String name) {
        StringBuilder out = new StringBuilder();
        for (String word : name.split("[^A-Za-z0-9]+")) {
            if (!word.isEmpty()) {
                out.append(
                                out.isEmpty()
                                        ? Character.toLowerCase(word.charAt(0))
                                        : Character.toUpperCase(word.charAt(0)))
                        .append(word, 1, word.length());
            }
        }
        return out.toString();
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
