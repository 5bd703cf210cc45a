package com.vibrationfit.profile.account;

import com.vibrationfit.platform.security.UserIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.AdminEventRepresentation;

/**
 * Keycloak's admin REST API through the Keycloak admin client Quarkus provides, as profile-service's own
 * confidential client (client credentials; its service account holds only {@code manage-users} and
 * {@code view-events} of {@code realm-management}). One long-lived client, built from the extension's
 * {@code quarkus.keycloak.admin-client.*} settings: its token is fetched once and refreshed before it expires
 * (the extension's injectable client is request-scoped, which would fetch a token on every run of the job).
 */
@ApplicationScoped
public class KeycloakIdentityProvider implements IdentityProvider {

    static final int PAGE = 100;

    @ConfigProperty(name = "quarkus.keycloak.admin-client.server-url")
    String serverUrl;

    @ConfigProperty(name = "quarkus.keycloak.admin-client.realm")
    String clientRealm;

    @ConfigProperty(name = "quarkus.keycloak.admin-client.client-id")
    String clientId;

    @ConfigProperty(name = "quarkus.keycloak.admin-client.client-secret")
    String clientSecret;

    @ConfigProperty(name = "vf.accounts.realm")
    String realm;

    private volatile Keycloak keycloak;

    @jakarta.annotation.PreDestroy
    void close() {
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @Override
    public boolean deleteUser(UUID userId) {
        try (Response response = realm().users().delete(userId.toString())) {
            return switch (response.getStatus()) {
                case 204, 200 -> true;
                case 404 -> false;
                default ->
                    throw new Unavailable(
                            "Keycloak answered " + response.getStatus() + " to deleting user " + userId, null);
            };
        } catch (Unavailable e) {
            throw e;
        } catch (WebApplicationException e) {
            // The REST client may raise an error status instead of returning it.
            if (e.getResponse() != null && e.getResponse().getStatus() == 404) {
                return false;
            }
            throw new Unavailable(
                    "Keycloak answered "
                            + (e.getResponse() == null ? "?" : e.getResponse().getStatus()) + " to deleting user "
                            + userId,
                    e);
        } catch (RuntimeException e) {
            throw new Unavailable("Keycloak is unavailable: " + e.getMessage(), e);
        }
    }

    @Override
    public List<UserGone> deletedSince(Instant from) {
        List<UserGone> gone = new ArrayList<>();
        try {
            for (int first = 0; ; first += PAGE) {
                List<AdminEventRepresentation> page = realm().getAdminEvents(
                                List.of("DELETE"),
                                null,
                                null,
                                null,
                                null,
                                null,
                                List.of("USER"),
                                String.valueOf(from.toEpochMilli()),
                                null,
                                first,
                                PAGE);
                for (AdminEventRepresentation event : page) {
                    userOf(event.getResourcePath())
                            .ifPresent(id -> gone.add(new UserGone(id, Instant.ofEpochMilli(event.getTime()))));
                }
                if (page.size() < PAGE) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            throw new Unavailable("Keycloak's admin events are unavailable: " + e.getMessage(), e);
        }
        gone.sort(Comparator.comparing(UserGone::at));
        return gone;
    }

    /** {@code users/<id>} (a user's own resource, not one of its sub-resources such as a role mapping). */
    static Optional<UUID> userOf(String resourcePath) {
        if (resourcePath == null || !resourcePath.startsWith("users/") || resourcePath.indexOf('/', 6) >= 0) {
            return Optional.empty();
        }
        return UserIds.parse(resourcePath.substring(6));
    }

    private RealmResource realm() {
        Keycloak client = keycloak;
        if (client == null) {
            synchronized (this) {
                if (keycloak == null) {
                    keycloak = KeycloakBuilder.builder()
                            .serverUrl(serverUrl)
                            .realm(clientRealm)
                            .clientId(clientId)
                            .clientSecret(clientSecret)
                            .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                            .build();
                }
                client = keycloak;
            }
        }
        return client.realm(realm);
    }
}
