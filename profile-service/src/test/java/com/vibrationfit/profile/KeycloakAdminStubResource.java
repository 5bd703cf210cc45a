package com.vibrationfit.profile;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Keycloak's admin API as the protocol defines it, for the real Keycloak admin client: the realm's token endpoint
 * (client credentials), users and admin events. Tests script per-user answers on {@link #server()}.
 */
public class KeycloakAdminStubResource implements QuarkusTestResourceLifecycleManager {

    public static final String REALM = "vibrationfit";
    private static WireMockServer server;

    @Override
    public synchronized Map<String, String> start() {
        if (server == null) {
            server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
            server.start();
            defaults();
        }
        return Map.of(
                "quarkus.keycloak.admin-client.server-url",
                server.baseUrl(),
                "vf.accounts.identity-events-every",
                "PT0.2S");
    }

    /** The token endpoint and an empty admin-event log; every user deletion answers 204. */
    public static void defaults() {
        server.resetAll();
        server.stubFor(
                post(urlPathEqualTo("/realms/" + REALM + "/protocol/openid-connect/token"))
                        .willReturn(
                                aResponse()
                                        .withStatus(200)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"access_token\":\"stub-admin-token\",\"expires_in\":300,\"token_type\":\"Bearer\"}")));
        server.stubFor(get(urlPathEqualTo("/admin/realms/" + REALM + "/admin-events"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("[]")));
        server.stubFor(WireMock.delete(WireMock.urlPathMatching("/admin/realms/" + REALM + "/users/.*"))
                .willReturn(aResponse().withStatus(204)));
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    public static WireMockServer server() {
        return server;
    }
}
