package com.vibrationfit.profile.account;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.vibrationfit.platform.testing.Api.as;
import static com.vibrationfit.platform.testing.Api.problem;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.vibrationfit.events.Topics;
import com.vibrationfit.platform.testing.KafkaTopics;
import com.vibrationfit.platform.testing.PlatformTestResource;
import com.vibrationfit.platform.testing.RawSql;
import com.vibrationfit.platform.testing.TestTokens;
import com.vibrationfit.profile.KeycloakAdminStubResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Deleting a user, three ways, against a Keycloak admin protocol stub: user.deleted is published exactly once. */
@QuarkusTest
class AccountDeletionTest {

    private final UUID member = UUID.randomUUID();
    private WireMockServer keycloak;

    @BeforeEach
    void keycloak() {
        keycloak = KeycloakAdminStubResource.server();
        KeycloakAdminStubResource.defaults();
    }

    @AfterEach
    void back() {
        KeycloakAdminStubResource.defaults();
    }

    private static String usersPath(UUID id) {
        return "/admin/realms/vibrationfit/users/" + id;
    }

    private static String state(UUID id) {
        List<Map<String, Object>> rows =
                RawSql.asSystem("select state from account_deletions where user_id = '" + id + "'");
        return rows.isEmpty() ? null : (String) rows.get(0).get("state");
    }

    /** user.deleted events of {@code id} on identity.events (read for a few seconds, so a second one would show). */
    private static int published(UUID id) {
        return KafkaTopics.readForUser(Topics.IDENTITY, id, Duration.ofSeconds(4), 2)
                .size();
    }

    private static void awaitAnnounced(UUID id) {
        await().atMost(Duration.ofSeconds(15)).until(() -> "announced".equals(state(id)));
    }

    @Test
    void shouldDeleteTheMembersOwnAccountOnceWhenTheyConfirm() {
        problem(as(member).body(Map.of()).delete("/api/v1/account").then(), 400)
                .body("errors[0].field", equalTo("confirm"));
        problem(
                        as(member)
                                .body(Map.of("confirm", "someone-else"))
                                .delete("/api/v1/account")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("confirm"));
        given().contentType("application/json")
                .body(Map.of("confirm", "x"))
                .delete("/api/v1/account")
                .then()
                .statusCode(401);
        assertEquals(
                0,
                RawSql.asSystem("select 1 from account_deletions where user_id = '" + member + "'")
                        .size());

        int saved = as(member)
                .body(Map.of("first_name", "Leaving"))
                .patch("/api/v1/profiles/me")
                .then()
                .extract()
                .statusCode();
        assertEquals(201, saved);
        as(member)
                .body(Map.of("confirm", "user-" + member))
                .delete("/api/v1/account")
                .then()
                .statusCode(202)
                .body("user_id", equalTo(member.toString()))
                .body("origin", equalTo("member"));
        awaitAnnounced(member);
        // This service's own rows went with the announcement, in its transaction (not only when the event comes back).
        assertEquals(
                0,
                RawSql.asSystem("select 1 from user_profiles where user_id = '" + member + "'")
                        .size());
        keycloak.verify(1, deleteRequestedFor(urlPathEqualTo(usersPath(member))));
        // Asking again (say, a retried request) changes nothing: no second deletion, no second event.
        as(member)
                .body(Map.of("confirm", "user-" + member))
                .delete("/api/v1/account")
                .then()
                .statusCode(202)
                .body("state", equalTo("announced"));
        // Published on identity.events, once: every service (this one too) purges on it.
        assertEquals(1, published(member));
        keycloak.verify(1, deleteRequestedFor(urlPathEqualTo(usersPath(member))));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !RawSql.asSystem("select 1 from deleted_users where user_id = '" + member + "'")
                        .isEmpty());
    }

    @Test
    void shouldTreatAUserKeycloakNoLongerHasAsDeleted() {
        keycloak.stubFor(WireMock.delete(urlPathEqualTo(usersPath(member)))
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"User not found\"}")));
        given().auth()
                .oauth2(TestTokens.forAdmin(UUID.randomUUID()))
                .delete("/api/v1/admin/users/" + member)
                .then()
                .statusCode(202)
                .body("origin", equalTo("admin"));
        awaitAnnounced(member);
        assertEquals(1, published(member));
    }

    @Test
    void shouldFinishByItselfOnceKeycloakIsBack() throws Exception {
        keycloak.stubFor(WireMock.delete(urlPathEqualTo(usersPath(member)))
                .willReturn(aResponse().withStatus(503)));
        as(member)
                .body(Map.of("confirm", "user-" + member))
                .delete("/api/v1/account")
                .then()
                .statusCode(202)
                .body("state", equalTo("pending"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> ((Number) RawSql.asSystem("select attempts from account_deletions where user_id = '"
                                                + member + "'")
                                        .get(0)
                                        .get("attempts"))
                                .intValue()
                        >= 2);
        assertEquals("pending", state(member));
        assertEquals(
                0,
                KafkaTopics.readForUser(Topics.IDENTITY, member, Duration.ofSeconds(1), 1)
                        .size());
        // Keycloak comes back: the deletion finishes by itself at its next attempt (brought forward here).
        KeycloakAdminStubResource.defaults();
        RawSql.asSystem("update account_deletions set next_attempt_at = now() where user_id = '" + member + "'");
        awaitAnnounced(member);
        keycloak.verify(1, deleteRequestedFor(urlPathEqualTo(usersPath(member))));
        assertEquals(1, published(member));
    }

    @Test
    void shouldAnnounceOnceKafkaIsBackWhenItWasDownDuringTheDeletion() {
        PlatformTestResource.kafka().stop();
        try {
            as(member)
                    .body(Map.of("confirm", "user-" + member))
                    .delete("/api/v1/account")
                    .then()
                    .statusCode(202);
            // Keycloak answers: the user is deleted and the announcement committed, waiting in the outbox.
            awaitAnnounced(member);
            keycloak.verify(1, deleteRequestedFor(urlPathEqualTo(usersPath(member))));
            assertEquals(
                    1,
                    RawSql.asSystem("select 1 from outbox_events where type = 'user.deleted' and event_key = '" + member
                                    + "' and sent_at is null")
                            .size());
        } finally {
            PlatformTestResource.kafka().start();
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> !RawSql.asSystem("select 1 from deleted_users where user_id = '" + member + "'")
                        .isEmpty());
        assertEquals(1, published(member));
        keycloak.verify(1, deleteRequestedFor(urlPathEqualTo(usersPath(member))));
    }

    @Test
    void shouldLetOnlyAdminsDeleteOthers() {
        UUID other = UUID.randomUUID();
        problem(as(member).delete("/api/v1/admin/users/" + other).then(), 403);
        problem(as(member).get("/api/v1/admin/users/" + other + "/deletion").then(), 403);
        assertEquals(
                0,
                RawSql.asSystem("select 1 from account_deletions where user_id = '" + other + "'")
                        .size());
        String admin = TestTokens.forAdmin(UUID.randomUUID());
        given().auth()
                .oauth2(admin)
                .get("/api/v1/admin/users/" + other + "/deletion")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(admin)
                .delete("/api/v1/admin/users/" + other)
                .then()
                .statusCode(202);
        awaitAnnounced(other);
        given().auth()
                .oauth2(admin)
                .get("/api/v1/admin/users/" + other + "/deletion")
                .then()
                .statusCode(200)
                .body("state", equalTo("announced"))
                .body("identity_deleted_at", Matchers.notNullValue());
    }

    @Test
    void shouldAnnounceAUserDeletedInKeycloaksConsoleOnce() {
        long now = Instant.now().toEpochMilli();
        String events = """
                [{"time":%d,"realmId":"r","authDetails":{"realmId":"master","clientId":"security-admin-console"},
                  "operationType":"DELETE","resourceType":"USER","resourcePath":"users/%s"},
                 {"time":%d,"realmId":"r","operationType":"DELETE","resourceType":"USER",
                  "resourcePath":"users/%s/role-mappings/realm"}]""".formatted(now, member, now, UUID.randomUUID());
        keycloak.stubFor(get(urlPathEqualTo("/admin/realms/vibrationfit/admin-events"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(events)));
        awaitAnnounced(member);
        assertEquals(
                "identity_provider",
                RawSql.asSystem("select origin from account_deletions where user_id = '" + member + "'")
                        .get(0)
                        .get("origin"));
        // Read again and again (the same events come back on every poll): still one announcement, no call to delete.
        assertEquals(1, published(member));
        keycloak.verify(0, deleteRequestedFor(urlPathEqualTo(usersPath(member))));
    }
}
