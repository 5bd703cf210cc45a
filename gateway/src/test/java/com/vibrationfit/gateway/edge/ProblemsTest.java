package com.vibrationfit.gateway.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class ProblemsTest {

    @Test
    void shouldKeepTheDetailWithinTheDocumentedBound() {
        String detail = new JsonObject(
                        Problems.body(404, "Not Found", "not-found", "no service answers /" + "x".repeat(5000)))
                .getString("detail");
        assertEquals(Problems.DETAIL_MAX_LENGTH, detail.length());
        assertEquals(
                "no service answers /api",
                new JsonObject(Problems.body(404, "Not Found", "not-found", "no service answers /api"))
                        .getString("detail"));
    }
}
