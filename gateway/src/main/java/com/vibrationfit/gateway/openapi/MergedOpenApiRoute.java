package com.vibrationfit.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vibrationfit.gateway.routing.GatewayConfig;
import com.vibrationfit.gateway.routing.RouteTable;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /openapi}: one OpenAPI document for the whole API, merged from each service's
 * {@code /q/openapi} at request time (a service that is down is listed under {@code x-unavailable}).
 * Swagger UI at {@code /q/swagger-ui} shows it, so a frontend developer can try every endpoint with a token.
 */
@ApplicationScoped
public class MergedOpenApiRoute {

    @Inject
    GatewayConfig config;

    @Inject
    Vertx vertx;

    @Inject
    ObjectMapper mapper;

    private HttpClient client;

    void install(@Observes Router router) {
        client = vertx.createHttpClient();
        router.get("/openapi").handler(this::serve);
    }

    private void serve(RoutingContext ctx) {
        List<RouteTable.Upstream> upstreams = new RouteTable(config.routes()).upstreams().stream()
                .filter(RouteTable.Upstream::openapi).toList();
        List<Future<JsonNode>> fetches = new ArrayList<>();
        for (RouteTable.Upstream upstream : upstreams) {
            fetches.add(fetch(upstream));
        }
        Future.join(fetches).onComplete(done -> {
            Map<String, JsonNode> documents = new LinkedHashMap<>();
            List<String> unavailable = new ArrayList<>();
            for (int i = 0; i < upstreams.size(); i++) {
                Future<JsonNode> fetch = fetches.get(i);
                if (fetch.succeeded()) {
                    documents.put(upstreams.get(i).name(), fetch.result());
                } else {
                    unavailable.add(upstreams.get(i).name());
                }
            }
            var merged = new OpenApiMerger(mapper).merge(documents, "1.0");
            if (!unavailable.isEmpty()) {
                merged.set("x-unavailable", mapper.valueToTree(unavailable));
            }
            ctx.response().putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-cache")
                    .end(merged.toPrettyString());
        });
    }

    private Future<JsonNode> fetch(RouteTable.Upstream upstream) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost(upstream.url().getHost())
                .setPort(upstream.port()).setURI("/q/openapi?format=json").setIdleTimeout(3_000)
                .putHeader("Accept", "application/json");
        return client.request(options)
                .compose(request -> request.send())
                .compose(response -> response.statusCode() == 200 ? response.body()
                        : Future.failedFuture(upstream.name() + " answered " + response.statusCode()))
                .map(body -> {
                    try {
                        return mapper.readTree(body.getBytes());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
    }
}
