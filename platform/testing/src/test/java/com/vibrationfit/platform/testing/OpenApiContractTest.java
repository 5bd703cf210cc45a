package com.vibrationfit.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenApiContractTest {

    @Test
    void shouldNameEveryOperationWithoutADocumentedSuccess() throws Exception {
        String document = """
                {"paths": {
                  "/a": {
                    "get": {"responses": {"200": {"content": {"application/json": {"schema": {"$ref": "#/x"}}}}}},
                    "put": {"responses": {"400": {"description": "bad"}}},
                    "post": {"responses": {"201": {"description": "created"}}},
                    "delete": {"responses": {"204": {"description": "gone"}}},
                    "parameters": []},
                  "/b": {
                    "get": {"responses": {"200": {"content": {"application/json": {}}}}},
                    "post": {"responses": {"202": {"description": "queued"},
                                           "200": {"content": {"text/event-stream": {}}}}}}}}""";
        assertEquals(
                List.of(
                        "PUT /a: no 2xx answer",
                        "POST /a: 201 documents no body",
                        "GET /b: 200 application/json has no schema"),
                OpenApiContract.undocumentedSuccesses(new ObjectMapper().readTree(document)));
    }
}
