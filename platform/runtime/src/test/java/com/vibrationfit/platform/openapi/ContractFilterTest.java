package com.vibrationfit.platform.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.junit.jupiter.api.Test;

class ContractFilterTest {

    private static Operation secured(String summary) {
        return OASFactory.createOperation()
                .summary(summary)
                .addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("bearer"))
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", OASFactory.createAPIResponse().description("OK")));
    }

    /** A small service: public paths with and without parameters, one path twice (api and internal), one named id. */
    private static OpenAPI service() {
        Operation create = secured("create").requestBody(OASFactory.createRequestBody());
        create.getResponses()
                .addAPIResponse("404", OASFactory.createAPIResponse().description("No such vision of yours"))
                .addAPIResponse("409", OASFactory.createAPIResponse().description("The vision is complete"));
        Operation regenerate = secured("regenerate");
        regenerate
                .getResponses()
                .addAPIResponse("429", OASFactory.createAPIResponse().description("Hourly allowance"));
        return OASFactory.createOpenAPI()
                .components(OASFactory.createComponents()
                        .addSecurityScheme(
                                "bearer",
                                OASFactory.createSecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description("Authentication")))
                .paths(OASFactory.createPaths()
                        .addPathItem(
                                "/api/v1/visions",
                                OASFactory.createPathItem().GET(secured("list")).POST(create))
                        .addPathItem(
                                "/api/v1/visions/{id}/sections",
                                OASFactory.createPathItem().GET(secured("sections")))
                        .addPathItem(
                                "/api/v1/vision-board/{item_id}/regenerate",
                                OASFactory.createPathItem().POST(regenerate))
                        .addPathItem(
                                "/api/v1/operations/outbox",
                                OASFactory.createPathItem().GET(secured("public")))
                        .addPathItem(
                                "/internal/v1/operations/outbox",
                                OASFactory.createPathItem()
                                        .GET(OASFactory.createOperation().summary("internal")))
                        .addPathItem(
                                "/api/v1/admin/users/{id}",
                                OASFactory.createPathItem()
                                        .DELETE(OASFactory.createOperation()
                                                .summary("admin")
                                                .addSecurityRequirement(OASFactory.createSecurityRequirement()
                                                        .addScheme("bearer", "admin"))
                                                .responses(OASFactory.createAPIResponses()
                                                        .addAPIResponse(
                                                                "204",
                                                                OASFactory.createAPIResponse()
                                                                        .description("Deleted")))))
                        .addPathItem(
                                "/api/v1/named",
                                OASFactory.createPathItem()
                                        .GET(secured("named").operationId("getVisionsByIdSections"))));
    }

    private static Operation op(OpenAPI openAPI, String path, PathItem.HttpMethod method) {
        return openAPI.getPaths().getPathItem(path).getOperations().get(method);
    }

    private static OpenAPI filtered() {
        OpenAPI openAPI = service();
        new ContractFilter().filterOpenAPI(openAPI);
        return openAPI;
    }

    @Test
    void shouldDeriveOperationIdsFromMethodAndPathWithoutTheVersionPrefix() {
        OpenAPI openAPI = filtered();
        assertEquals(
                "getVisions",
                op(openAPI, "/api/v1/visions", PathItem.HttpMethod.GET).getOperationId());
        assertEquals(
                "postVisions",
                op(openAPI, "/api/v1/visions", PathItem.HttpMethod.POST).getOperationId());
        assertEquals(
                "postVisionBoardByItemIdRegenerate",
                op(openAPI, "/api/v1/vision-board/{item_id}/regenerate", PathItem.HttpMethod.POST)
                        .getOperationId());
        assertEquals(
                "getOperationsOutbox",
                op(openAPI, "/api/v1/operations/outbox", PathItem.HttpMethod.GET)
                        .getOperationId());
    }

    @Test
    void shouldKeepAnIdTheResourceNamesAndMakeEveryIdUnique() {
        OpenAPI openAPI = filtered();
        // The resource's own id stays; the path that would derive the same id keeps its kind.
        assertEquals(
                "getVisionsByIdSections",
                op(openAPI, "/api/v1/named", PathItem.HttpMethod.GET).getOperationId());
        assertEquals(
                "getApiVisionsByIdSections",
                op(openAPI, "/api/v1/visions/{id}/sections", PathItem.HttpMethod.GET)
                        .getOperationId());
        // An internal path that clashes with a public one keeps its kind; the public one keeps the short id.
        assertEquals(
                "getInternalOperationsOutbox",
                op(openAPI, "/internal/v1/operations/outbox", PathItem.HttpMethod.GET)
                        .getOperationId());

        List<String> ids = new ArrayList<>();
        for (ContractFilter.Located located : ContractFilter.operations(openAPI)) {
            ids.add(located.operation().getOperationId());
        }
        assertEquals(8, ids.size());
        assertEquals(ids.size(), new HashSet<>(ids).size(), "operationIds must be unique: " + ids);
    }

    @Test
    void shouldNumberWhatStillClashes() {
        List<ContractFilter.Located> operations = new ArrayList<>();
        for (String path : List.of("/api/v1/a-b", "/api/v1/a_b", "/api/v1/a.b")) {
            operations.add(new ContractFilter.Located(path, PathItem.HttpMethod.GET, OASFactory.createOperation()));
        }
        ContractFilter.nameOperations(operations);
        assertEquals(
                List.of("getAB", "getApiAB", "getApiAB2"),
                operations.stream()
                        .map(located -> located.operation().getOperationId())
                        .toList());
    }

    @Test
    void shouldNameOperationsTheSameWayWhateverOrderThePathsCameIn() {
        OpenAPI forward = filtered();
        OpenAPI reversed = OASFactory.createOpenAPI().paths(OASFactory.createPaths());
        List<Map.Entry<String, PathItem>> items =
                new ArrayList<>(service().getPaths().getPathItems().entrySet());
        for (int i = items.size() - 1; i >= 0; i--) {
            reversed.getPaths().addPathItem(items.get(i).getKey(), items.get(i).getValue());
        }
        new ContractFilter().filterOpenAPI(reversed);
        for (String path : forward.getPaths().getPathItems().keySet()) {
            forward.getPaths()
                    .getPathItem(path)
                    .getOperations()
                    .forEach((method, operation) -> assertEquals(
                            operation.getOperationId(),
                            op(reversed, path, method).getOperationId(),
                            method + " " + path));
        }
    }

    @Test
    void shouldDeriveReadableIds() {
        assertEquals("getVisionsByIdSections", ContractFilter.operationId("get", "/visions/{id}/sections"));
        assertEquals(
                "putAssessmentsByIdResponsesByQuestionId",
                ContractFilter.operationId("put", "/assessments/{id}/responses/{question_id}"));
        assertEquals(
                "getAssessmentsLatestBelowGreenLine",
                ContractFilter.operationId("get", "/assessments/latest/below-green-line"));
        assertEquals("getItemsById", ContractFilter.operationId("get", "/items/{id: [0-9]+}"));
        assertEquals("getRoot", ContractFilter.operationId("get", ""));
    }

    @Test
    void shouldDocumentTheErrorAnswersOfASecuredOperationWithAPathParameter() {
        OpenAPI openAPI = filtered();
        Map<String, APIResponse> responses = op(openAPI, "/api/v1/visions/{id}/sections", PathItem.HttpMethod.GET)
                .getResponses()
                .getAPIResponses();
        // Any member may call it: a valid token is never refused with 403.
        assertEquals(List.of("200", "400", "401", "404", "429", "500", "503"), List.copyOf(responses.keySet()));
        for (String code : List.of("400", "401", "404", "429", "500", "503")) {
            APIResponse response = responses.get(code);
            assertNotNull(response.getDescription(), code);
            assertEquals(
                    ContractFilter.PROBLEM_REF,
                    response.getContent()
                            .getMediaType("application/problem+json")
                            .getSchema()
                            .getRef(),
                    code);
        }
        assertNotNull(responses.get("429").getHeaders().get("Retry-After"));
        assertNotNull(responses.get("503").getHeaders().get("Retry-After"));
        assertNotNull(responses.get("401").getHeaders().get("WWW-Authenticate"));
        assertNull(responses.get("200").getContent(), "a success answer is left as the resource documents it");
    }

    @Test
    void shouldDocument403OnlyWhereARoleIsRequired() {
        OpenAPI openAPI = filtered();
        assertTrue(op(openAPI, "/api/v1/admin/users/{id}", PathItem.HttpMethod.DELETE)
                .getResponses()
                .hasAPIResponse("403"));
        assertFalse(op(openAPI, "/api/v1/visions", PathItem.HttpMethod.GET)
                .getResponses()
                .hasAPIResponse("403"));
    }

    @Test
    void shouldLeaveOutWhatDoesNotApply() {
        OpenAPI openAPI = filtered();
        // No parameter in the path: no 404. No body: no 413.
        Set<String> list = op(openAPI, "/api/v1/visions", PathItem.HttpMethod.GET)
                .getResponses()
                .getAPIResponses()
                .keySet();
        assertFalse(list.contains("404"));
        assertFalse(list.contains("413"));
        // Not secured, not behind the gateway: no 401, 403 or 429.
        Set<String> internal = op(openAPI, "/internal/v1/operations/outbox", PathItem.HttpMethod.GET)
                .getResponses()
                .getAPIResponses()
                .keySet();
        assertEquals(Set.of("400", "500", "503"), internal);
        // A body: 413.
        assertTrue(op(openAPI, "/api/v1/visions", PathItem.HttpMethod.POST)
                .getResponses()
                .hasAPIResponse("413"));
    }

    @Test
    void shouldKeepWhatTheResourceDocumentsAndAddTheProblemBodyItLacks() {
        OpenAPI openAPI = filtered();
        Map<String, APIResponse> create = op(openAPI, "/api/v1/visions", PathItem.HttpMethod.POST)
                .getResponses()
                .getAPIResponses();
        assertEquals("No such vision of yours", create.get("404").getDescription());
        assertEquals("The vision is complete", create.get("409").getDescription());
        assertEquals(
                ContractFilter.PROBLEM_REF,
                create.get("409")
                        .getContent()
                        .getMediaType("application/problem+json")
                        .getSchema()
                        .getRef());
        APIResponse allowance = op(openAPI, "/api/v1/vision-board/{item_id}/regenerate", PathItem.HttpMethod.POST)
                .getResponses()
                .getAPIResponse("429");
        assertEquals("Hourly allowance", allowance.getDescription());
        assertNotNull(allowance.getHeaders().get("Retry-After"));
        assertNotNull(allowance.getContent());
    }

    @Test
    void shouldDescribeProblemAsTheServerWritesIt() {
        OpenAPI openAPI = filtered();
        Schema problem = openAPI.getComponents().getSchemas().get(ContractFilter.PROBLEM);
        assertEquals(
                Set.of("type", "title", "status", "detail", "instance", "errors", "remaining", "required"),
                problem.getProperties().keySet(),
                "Problem's members, and PaymentRequired's two on a 402");
        assertEquals(List.of("type", "title", "status"), problem.getRequired());
        assertEquals(
                List.of(Schema.SchemaType.INTEGER),
                problem.getProperties().get("status").getType());
        assertEquals(
                0,
                BigDecimal.valueOf(599)
                        .compareTo(problem.getProperties().get("status").getMaximum()));
        assertNotNull(problem.getProperties().get("type").getMaxLength());
        assertEquals(
                "#/components/schemas/FieldError",
                problem.getProperties().get("errors").getItems().getRef());
        Schema fieldError = openAPI.getComponents().getSchemas().get(ContractFilter.FIELD_ERROR);
        assertEquals(Set.of("field", "message"), fieldError.getProperties().keySet());
        assertEquals(List.of("field", "message"), fieldError.getRequired());
    }

    @Test
    void shouldDocumentTheRateLimitHeadersOnEveryAnswerToAMemberThroughTheGateway() {
        OpenAPI openAPI = filtered();
        Operation sections = op(openAPI, "/api/v1/visions/{id}/sections", PathItem.HttpMethod.GET);
        for (String code : List.of("200", "404", "429")) {
            assertTrue(
                    sections.getResponses()
                            .getAPIResponse(code)
                            .getHeaders()
                            .keySet()
                            .containsAll(List.of("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset")),
                    code);
        }
        var unauthorized = sections.getResponses().getAPIResponse("401").getHeaders();
        assertFalse(unauthorized.containsKey("RateLimit-Limit"), "no member is known on a 401");
        var internal = op(openAPI, "/internal/v1/operations/outbox", PathItem.HttpMethod.GET)
                .getResponses()
                .getAPIResponse("500")
                .getHeaders();
        assertTrue(internal == null || !internal.containsKey("RateLimit-Limit"), "internal paths skip the gateway");
    }

    @Test
    void shouldBoundTheUuidSchema() {
        OpenAPI openAPI = service();
        openAPI.getComponents()
                .addSchema(
                        "UUID",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .format("uuid"));
        new ContractFilter().filterOpenAPI(openAPI);
        assertEquals(36, openAPI.getComponents().getSchemas().get("UUID").getMaxLength());
    }

    @Test
    void shouldDescribeTheBearerScheme() {
        SecurityScheme bearer = filtered().getComponents().getSecuritySchemes().get("bearer");
        assertEquals(ContractFilter.BEARER_DESCRIPTION, bearer.getDescription());
        assertTrue(bearer.getDescription().contains("RFC8725"));
    }

    @Test
    void shouldChangeNothingWhenRunAgain() {
        OpenAPI once = filtered();
        OpenAPI twice = filtered();
        new ContractFilter().filterOpenAPI(twice);
        for (String path : once.getPaths().getPathItems().keySet()) {
            once.getPaths().getPathItem(path).getOperations().forEach((method, operation) -> {
                Operation again = op(twice, path, method);
                assertEquals(operation.getOperationId(), again.getOperationId());
                assertEquals(
                        operation.getResponses().getAPIResponses().keySet(),
                        again.getResponses().getAPIResponses().keySet());
            });
        }
    }
}
