package com.vibrationfit.gateway.edge;

import com.vibrationfit.gateway.routing.GatewayConfig;
import com.vibrationfit.gateway.routing.RouteTable;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness reports each upstream's own readiness. The gateway stays ready while at least one
 * upstream is: it still answers the rest (with 503 for the missing ones) rather than leaving
 * rotation altogether.
 */
@Readiness
@ApplicationScoped
public class UpstreamReadiness implements AsyncHealthCheck {

    @Inject
    GatewayConfig config;

    @Inject
    Vertx vertx;

    private HttpClient client;

    @Override
    public Uni<HealthCheckResponse> call() {
        if (client == null) {
            client = vertx.createHttpClient();
        }
        List<RouteTable.Upstream> upstreams = new RouteTable(config.routes()).upstreams();
        List<Uni<Boolean>> checks = upstreams.stream().map(this::ready).toList();
        if (checks.isEmpty()) {
            return Uni.createFrom()
                    .item(HealthCheckResponse.named("upstreams").down().build());
        }
        return Uni.join().all(checks).andFailFast().map(results -> {
            HealthCheckResponseBuilder builder = HealthCheckResponse.named("upstreams");
            boolean any = false;
            for (int i = 0; i < upstreams.size(); i++) {
                builder.withData(upstreams.get(i).name(), results.get(i) ? "UP" : "DOWN");
                any |= results.get(i);
            }
            return builder.status(any).build();
        });
    }

    private Uni<Boolean> ready(RouteTable.Upstream upstream) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setHost(upstream.url().getHost())
                .setPort(upstream.port())
                .setURI("/q/health/ready")
                .setIdleTimeout(Duration.ofSeconds(2).toMillis());
        return Uni.createFrom()
                .completionStage(() -> client.request(options)
                        .compose(request -> request.send())
                        .map(response -> response.statusCode() == 200)
                        .otherwise(false)
                        .toCompletionStage())
                .onFailure()
                .recoverWithItem(false);
    }
}
