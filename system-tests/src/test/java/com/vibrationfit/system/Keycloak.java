package com.vibrationfit.system;

import static io.restassured.RestAssured.given;

/** Real access tokens from the local Keycloak (password grant, allowed for local clients only). */
final class Keycloak {

    static final String ALICE = "11111111-1111-4111-8111-111111111111";
    static final String BOB = "22222222-2222-4222-8222-222222222222";

    private Keycloak() {}

    static String token(String user) {
        return token("vibrationfit-web", user);
    }

    /** A client-credentials token of a confidential client (a service calling another), local-only secret. */
    static String serviceToken(String client, String secret) {
        return given().baseUri(PlatformUnderTest.KEYCLOAK)
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", client)
                .formParam("client_secret", secret)
                .post("/realms/vibrationfit/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    static String token(String client, String user) {
        return given().baseUri(PlatformUnderTest.KEYCLOAK)
                .formParam("grant_type", "password")
                .formParam("client_id", client)
                .formParam("username", user)
                .formParam("password", user)
                .post("/realms/vibrationfit/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }
}
