package com.vibrationfit.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Base64;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Each service's Keycloak client holds no more than its service uses: the real realm issues client-credentials
 * tokens whose roles are exactly those (the journeys prove the roles are enough: profile-service deletes members
 * in Keycloak, media-service spends tokens, operators replay events).
 */
@ExtendWith(PlatformUnderTest.class)
class ServiceIdentityTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void profileServiceTokensCarryOnlyUserDeletionAndAdminEventRights() throws Exception {
        JsonNode claims = claims(Keycloak.serviceToken("profile-service", "profile-service-local-only"));
        assertEquals(
                Set.of("realm-management"), names(claims.path("resource_access").fieldNames()));
        assertEquals(
                Set.of("manage-users", "view-events"),
                texts(claims.path("resource_access").path("realm-management").path("roles")));
        assertEquals(Set.of(), texts(claims.path("realm_access").path("roles")));
    }

    @Test
    void mediaServiceAndOperatorTokensCarryOnlyTheirOneRealmRole() throws Exception {
        JsonNode media = claims(Keycloak.serviceToken("media-service", "media-service-local-only"));
        assertEquals(Set.of("ai-spender"), texts(media.path("realm_access").path("roles")));
        assertNull(media.get("resource_access"), media.toString());
        JsonNode operations = claims(Keycloak.serviceToken("vibrationfit-operations", "operations-local-only"));
        assertEquals(Set.of("operator"), texts(operations.path("realm_access").path("roles")));
        assertNull(operations.get("resource_access"), operations.toString());
    }

    private static JsonNode claims(String token) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> all = new TreeSet<>();
        array.forEach(n -> all.add(n.asText()));
        return all;
    }

    private static Set<String> names(Iterator<String> names) {
        Set<String> all = new TreeSet<>();
        names.forEachRemaining(all::add);
        return all;
    }
}
