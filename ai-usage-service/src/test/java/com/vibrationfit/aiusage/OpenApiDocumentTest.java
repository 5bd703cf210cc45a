package com.vibrationfit.aiusage;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The OpenAPI document is what frontend (and service) developers read: every endpoint with its answers. */
@QuarkusTest
class OpenApiDocumentTest {

    @Test
    void shouldDescribeEveryEndpoint() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/ai/balance'.get", notNullValue())
                .body("paths.'/api/v1/ai/auto-topup'.put.responses.'400'", notNullValue())
                .body("paths.'/api/v1/ai/usage'.get", notNullValue())
                .body("paths.'/api/v1/ai/usage/summary'.get", notNullValue())
                .body("paths.'/api/v1/admin/ai/grants'.post.responses.keySet()", hasItems("201", "403", "422"))
                .body("paths.'/internal/v1/ai/reservations'.post.responses.keySet()", hasItems("201", "402"))
                .body("paths.'/internal/v1/ai/reservations/{id}/capture'.post.responses.keySet()", hasItems("200", "409"))
                .body("components.schemas.TokenBalance.properties.keySet()", hasItems("remaining", "reserved", "used",
                        "total_cost_cents", "next_drip_at", "rollover_cycles", "auto_topup_enabled"));
    }
}
