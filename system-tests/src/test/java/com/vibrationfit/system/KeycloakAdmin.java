package com.vibrationfit.system;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;

/**
 * The local Keycloak's admin API as an operator uses it (the master realm's bootstrap admin, local-only
 * credentials admin/admin of ./vf up): users created for a test and deleted "in the console".
 */
final class KeycloakAdmin {

    private KeycloakAdmin() {}

    /** A token of the master realm's admin (a password grant: hashing the password takes Keycloak a while). */
    static String adminToken() {
        return given().baseUri(PlatformUnderTest.KEYCLOAK)
                .formParam("grant_type", "password")
                .formParam("client_id", "admin-cli")
                .formParam("username", "admin")
                .formParam("password", "admin")
                .post("/realms/master/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    /** A new member of the realm (password = username); returns its id (the tokens' sub). */
    static String createUser(String username) {
        String location = given().baseUri(PlatformUnderTest.KEYCLOAK)
                .auth()
                .oauth2(adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "username",
                        username,
                        "enabled",
                        true,
                        "email",
                        username + "@example.com",
                        "emailVerified",
                        true,
                        "firstName",
                        "Test",
                        "lastName",
                        "Member",
                        "credentials",
                        List.of(Map.of("type", "password", "value", username, "temporary", false))))
                .post("/admin/realms/vibrationfit/users")
                .then()
                .statusCode(201)
                .extract()
                .header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** Deletes a user the way an operator does in Keycloak's admin console. */
    static void deleteUser(String id) {
        deleteUser(id, adminToken());
    }

    static void deleteUser(String id, String adminToken) {
        given().baseUri(PlatformUnderTest.KEYCLOAK)
                .auth()
                .oauth2(adminToken)
                .delete("/admin/realms/vibrationfit/users/" + id)
                .then()
                .statusCode(204);
    }

    static int userStatus(String id) {
        return given().baseUri(PlatformUnderTest.KEYCLOAK)
                .auth()
                .oauth2(adminToken())
                .get("/admin/realms/vibrationfit/users/" + id)
                .then()
                .extract()
                .statusCode();
    }

    /** Access and refresh token of a user (password grant of the local web client). */
    static JsonPath login(String username) {
        return given().baseUri(PlatformUnderTest.KEYCLOAK)
                .formParam("grant_type", "password")
                .formParam("client_id", "vibrationfit-web")
                .formParam("username", username)
                .formParam("password", username)
                .post("/realms/vibrationfit/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** The status Keycloak answers a refresh with this token (200 while the user and session live). */
    static int refresh(String refreshToken) {
        return given().baseUri(PlatformUnderTest.KEYCLOAK)
                .formParam("grant_type", "refresh_token")
                .formParam("client_id", "vibrationfit-web")
                .formParam("refresh_token", refreshToken)
                .post("/realms/vibrationfit/protocol/openid-connect/token")
                .then()
                .extract()
                .statusCode();
    }
}
