package com.vibrationfit.media;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * ai-usage-service's internal spend API and the OIDC token endpoint, protocol-faithful on loopback: a
 * client-credentials request gets a service token, reservations need that bearer token and answer 201 with an
 * id (402 problem with remaining and required for {@link #BROKE}), captures and releases answer 200. The real
 * REST client and OIDC client of media-service talk to it.
 */
public class AiUsageStub implements QuarkusTestResourceLifecycleManager {

    /** A member whose balance cannot pay for anything. */
    public static final UUID BROKE = UUID.fromString("0b0b0b0b-0b0b-4b0b-8b0b-0b0b0b0b0b0b");
    /** The access token the stub's token endpoint issues and its spend API requires. */
    static final String TOKEN = "stub-client-credentials-token-of-media-service";

    private static WireMockServer server;

    @Override
    public synchronized Map<String, String> start() {
        if (server == null) {
            server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
            server.start();
            server.stubFor(post(urlPathEqualTo("/token"))
                    .withRequestBody(containing("grant_type=client_credentials"))
                    .willReturn(aResponse()
                            .withStatus(200)
                            .withHeader("Content-Type", "application/json")
                            .withBody("{\"access_token\":\"" + TOKEN
                                    + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
            server.stubFor(post(urlPathEqualTo("/internal/v1/ai/reservations"))
                    .withHeader("Authorization", WireMock.equalTo("Bearer " + TOKEN))
                    .atPriority(5)
                    .willReturn(aResponse()
                            .withStatus(201)
                            .withHeader("Content-Type", "application/json")
                            .withBody("{\"id\":\"{{randomValue type='UUID'}}\",\"status\":\"open\"}")
                            .withTransformers("response-template")));
            server.stubFor(post(urlPathEqualTo("/internal/v1/ai/reservations"))
                    .withRequestBody(containing(BROKE.toString()))
                    .atPriority(1)
                    .willReturn(aResponse()
                            .withStatus(402)
                            .withHeader("Content-Type", "application/problem+json")
                            .withBody("{\"type\":\"https://vibrationfit.dev/problems/insufficient-tokens\",\"title\":"
                                    + "\"Payment Required\",\"status\":402,\"remaining\":3,\"required\":99}")));
            server.stubFor(post(urlPathMatching("/internal/v1/ai/reservations/[^/]+/(capture|release)"))
                    .withHeader("Authorization", WireMock.equalTo("Bearer " + TOKEN))
                    .willReturn(aResponse()
                            .withStatus(200)
                            .withHeader("Content-Type", "application/json")
                            .withBody("{}")));
        }
        return Map.of(
                "quarkus.rest-client.ai-usage.url",
                server.baseUrl(),
                "quarkus.oidc-client.auth-server-url",
                server.baseUrl(),
                "quarkus.oidc-client.discovery-enabled",
                "false",
                "quarkus.oidc-client.token-path",
                "/token");
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /**
     * ai-usage-service away for one member's reservations: they answer 503 until {@link #back} (a real outage is
     * proven in the system tests; here it is the answer a worker sees while the service restarts).
     */
    public static StubMapping away(UUID member) {
        return server.stubFor(post(urlPathEqualTo("/internal/v1/ai/reservations"))
                .withRequestBody(containing(member.toString()))
                .atPriority(1)
                .willReturn(aResponse().withStatus(503)));
    }

    public static void back(StubMapping away) {
        server.removeStub(away);
    }

    /** The ids of the reservations held for {@code member} (from the stub's answers). */
    public static List<String> reservationsOf(UUID member) {
        return server.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals("/internal/v1/ai/reservations")
                        && e.getRequest().getBodyAsString().contains(member.toString())
                        && e.getResponse().getStatus() == 201)
                .map(e -> e.getResponse().getBodyAsString().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1"))
                .toList();
    }

    /** The requests made to {@code path} (a regular expression) whose body contains {@code text}. */
    public static List<LoggedRequest> requests(String path, String text) {
        return server.getAllServeEvents().stream()
                .map(e -> e.getRequest())
                .filter(r -> r.getUrl().matches(path) && r.getBodyAsString().contains(text))
                .toList();
    }
}
