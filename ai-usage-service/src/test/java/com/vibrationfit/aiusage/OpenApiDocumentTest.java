package com.vibrationfit.aiusage;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import com.vibrationfit.platform.testing.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The OpenAPI document is what frontend (and service) developers read: every endpoint with its answers. */
@QuarkusTest
class OpenApiDocumentTest {

    @Test
    void shouldDescribeEveryEndpoint() {
        given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("paths.'/api/v1/ai/balance'.get", notNullValue())
                .body("paths.'/api/v1/ai/auto-topup'.put.responses.'400'", notNullValue())
                .body("paths.'/api/v1/ai/usage'.get", notNullValue())
                .body("paths.'/api/v1/ai/usage/summary'.get", notNullValue())
                .body("paths.'/api/v1/admin/ai/grants'.post.responses.keySet()", hasItems("201", "403", "422"))
                .body("paths.'/internal/v1/ai/reservations'.post.responses.keySet()", hasItems("201", "402"))
                .body(
                        "paths.'/internal/v1/ai/reservations/{id}/capture'.post.responses.keySet()",
                        hasItems("200", "409"))
                .body("paths.'/api/v1/ai/conversations'.post.responses.keySet()", hasItems("201", "400"))
                .body("paths.'/api/v1/ai/conversations'.get", notNullValue())
                .body("paths.'/api/v1/ai/conversations/{id}'.patch.responses.keySet()", hasItems("200", "400", "404"))
                .body("paths.'/api/v1/ai/conversations/{id}'.delete.responses.keySet()", hasItems("204", "404"))
                .body("paths.'/api/v1/ai/conversations/{id}/messages'.get", notNullValue())
                .body(
                        "paths.'/api/v1/ai/conversations/{id}/messages'.post.responses.keySet()",
                        hasItems("200", "201", "400", "402", "404", "502"))
                .body(
                        "paths.'/api/v1/ai/conversations/{id}/messages'.post.responses.'200'.content.keySet()",
                        hasItems("text/event-stream"))
                .body("paths.'/api/v1/ai/conversations/{id}/messages'.post.description", containsString("event: done"))
                .body(
                        "components.schemas.ConversationMessage.properties.keySet()",
                        hasItems("conversation_id", "role", "message", "context", "tokens_used", "usage_id"))
                .body(
                        "components.schemas.TokenBalance.properties.keySet()",
                        hasItems(
                                "remaining",
                                "reserved",
                                "used",
                                "total_cost_cents",
                                "next_drip_at",
                                "rollover_cycles",
                                "auto_topup_enabled"));
    }

    @Test
    void shouldDocumentTheSuccessAnswerOfEveryOperation() {
        OpenApiContract.assertEverySuccessDocumented();
    }
}
