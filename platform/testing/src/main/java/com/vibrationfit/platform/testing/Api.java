package com.vibrationfit.platform.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;

/** rest-assured shortcuts every service's endpoint tests use. */
public final class Api {

    private Api() {}

    /** A JSON request carrying a valid token for {@code user}. */
    public static RequestSpecification as(UUID user) {
        return given().auth().oauth2(TestTokens.forUser(user)).contentType(ContentType.JSON);
    }

    /** A JSON request carrying an operator's token (operations endpoints under /internal/v1/operations). */
    public static RequestSpecification asOperator() {
        return given().auth().oauth2(TestTokens.forOperator(UUID.randomUUID())).contentType(ContentType.JSON);
    }

    /** Asserts an RFC 9457 problem answer with {@code status}. */
    public static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status).contentType("application/problem+json");
    }
}
