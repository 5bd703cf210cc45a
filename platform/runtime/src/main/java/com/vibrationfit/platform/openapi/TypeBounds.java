package com.vibrationfit.platform.openapi;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Writes into every schema the bounds its type already enforces, which SmallRye leaves out: a UUID is 36
 * characters, a date 10, a point in time at most 35 (the platform accepts years 0001-9999 only); an {@code int32}
 * or {@code int64} cannot leave its range (Jackson refuses a larger number with a 400). A bound an annotation
 * states ({@code @Size}, {@code @Min}, {@code @Max}, {@code @Schema}) is kept: it is narrower.
 */
final class TypeBounds {

    /** {@code 9999-12-31T23:59:59.999999999+18:00}. */
    static final int DATE_TIME_LENGTH = 35;

    private static final Map<String, Integer> STRING_LENGTHS =
            Map.of("uuid", 36, "date", 10, "date-time", DATE_TIME_LENGTH, "local-time", 18, "time", 18);

    private final Set<Schema> seen = Collections.newSetFromMap(new IdentityHashMap<>());

    private TypeBounds() {}

    static void apply(OpenAPI openAPI) {
        TypeBounds bounds = new TypeBounds();
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            openAPI.getComponents().getSchemas().values().forEach(bounds::visit);
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            if (item == null) {
                continue;
            }
            bounds.visitParameters(item.getParameters());
            if (item.getOperations() == null) {
                continue;
            }
            for (Operation operation : item.getOperations().values()) {
                bounds.visitParameters(operation.getParameters());
                if (operation.getRequestBody() != null) {
                    bounds.visit(operation.getRequestBody().getContent());
                }
                if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                    for (APIResponse response :
                            operation.getResponses().getAPIResponses().values()) {
                        if (response != null) {
                            bounds.visit(response.getContent());
                            if (response.getHeaders() != null) {
                                response.getHeaders().values().forEach(header -> bounds.visit(header.getSchema()));
                            }
                        }
                    }
                }
            }
        }
    }

    private void visitParameters(List<Parameter> parameters) {
        if (parameters != null) {
            parameters.forEach(parameter -> visit(parameter.getSchema()));
        }
    }

    private void visit(Content content) {
        if (content != null && content.getMediaTypes() != null) {
            for (MediaType type : content.getMediaTypes().values()) {
                if (type != null) {
                    visit(type.getSchema());
                }
            }
        }
    }

    private void visitAll(List<Schema> schemas) {
        if (schemas != null) {
            schemas.forEach(this::visit);
        }
    }

    void visit(Schema schema) {
        if (schema == null || schema.getRef() != null || !seen.add(schema)) {
            return;
        }
        List<Schema.SchemaType> types = schema.getType();
        if (types != null && types.contains(Schema.SchemaType.STRING)) {
            Integer length = schema.getFormat() == null ? null : STRING_LENGTHS.get(schema.getFormat());
            if (length != null && schema.getMaxLength() == null) {
                schema.setMaxLength(length);
            }
        }
        if (types != null && types.contains(Schema.SchemaType.INTEGER)) {
            boolean int32 = "int32".equals(schema.getFormat());
            boolean int64 = "int64".equals(schema.getFormat());
            if (int32 || int64) {
                if (schema.getMinimum() == null && schema.getExclusiveMinimum() == null) {
                    schema.setMinimum(BigDecimal.valueOf(int32 ? Integer.MIN_VALUE : Long.MIN_VALUE));
                }
                if (schema.getMaximum() == null && schema.getExclusiveMaximum() == null) {
                    schema.setMaximum(BigDecimal.valueOf(int32 ? Integer.MAX_VALUE : Long.MAX_VALUE));
                }
            }
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(this::visit);
        }
        visit(schema.getItems());
        if (schema.getAdditionalPropertiesSchema() != null) {
            visit(schema.getAdditionalPropertiesSchema());
        }
        visitAll(schema.getAllOf());
        visitAll(schema.getAnyOf());
        visitAll(schema.getOneOf());
    }
}
