package com.vibrationfit.profile.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The small rules of account deletion: which admin events name a deleted user, and how retries back off. */
class DeletionRulesTest {

    @Test
    void shouldReadOnlyAUsersOwnResourcePathAsThatUser() {
        UUID id = UUID.randomUUID();
        assertEquals(Optional.of(id), KeycloakIdentityProvider.userOf("users/" + id));
        assertEquals(Optional.empty(), KeycloakIdentityProvider.userOf("users/" + id + "/role-mappings/realm"));
        assertEquals(Optional.empty(), KeycloakIdentityProvider.userOf("groups/" + id));
        assertEquals(Optional.empty(), KeycloakIdentityProvider.userOf("users/not-a-uuid"));
        assertEquals(Optional.empty(), KeycloakIdentityProvider.userOf(null));
    }

    @Test
    void shouldBackOffFromOneSecondDoublingToThirty() {
        assertEquals(Duration.ofSeconds(1), AccountDeletionService.backoff(1));
        assertEquals(Duration.ofSeconds(2), AccountDeletionService.backoff(2));
        assertEquals(Duration.ofSeconds(16), AccountDeletionService.backoff(5));
        assertEquals(Duration.ofSeconds(30), AccountDeletionService.backoff(6));
        assertEquals(Duration.ofSeconds(30), AccountDeletionService.backoff(1000));
        assertEquals(Duration.ofSeconds(1), AccountDeletionService.backoff(0));
    }
}
