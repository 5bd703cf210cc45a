package com.vibrationfit.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vibrationfit.gateway.edge.Problems;
import com.vibrationfit.gateway.routing.GatewayConfig;
import com.vibrationfit.gateway.routing.RouteTable;
import com.vibrationfit.platform.openapi.merge.OpenApiMerger;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * {@code GET /openapi}: one OpenAPI document for the whole API, merged from each service's
 * {@code /q/openapi}. Swagger UI at {@code /q/swagger-ui} shows it, so a frontend developer can try
 * every endpoint with a token.
 *
 * <p>The merged document is kept for {@code vf.gateway.openapi.cache-ttl}: fetching every service's
 * document and merging them on each request would let anyone turn one cheap public GET into a request
 * to every service. Once the document is older than that, the next request still gets it at once and
 * starts a refresh in the background; only one refresh runs at a time. A service that does not answer
 * a refresh keeps its last good part (listed under {@code x-stale}); one never reached is listed under
 * {@code x-unavailable}, and such an incomplete document is retried sooner.
 */
@ApplicationScoped
public class MergedOpenApiRoute {

    private static final Logger LOG = Logger.getLogger(MergedOpenApiRoute.class);
    /** An incomplete document (a service down) is refreshed at least this often, whatever the TTL. */
    private static final long INCOMPLETE_RETRY_NANOS = Duration.ofSeconds(5).toNanos();

    /** One merged document, rendered once and served as is until a refresh replaces it. */
    private record Snapshot(String body, long builtAtNanos, boolean complete) {}

    @Inject
    GatewayConfig config;

    @Inject
    Vertx vertx;

    @Inject
    ObjectMapper mapper;

    private HttpClient client;
    private List<RouteTable.Upstream> upstreams;
    private long ttlNanos;
    /** Each service's last document fetched successfully, so a service that is down keeps its part. */
    private final Map<String, JsonNode> lastGood = new ConcurrentHashMap<>();

    private final AtomicReference<Snapshot> current = new AtomicReference<>();
    /** The refresh under way, if any, shared by every request that has to wait for it. */
    private final AtomicReference<Future<Snapshot>> refreshing = new AtomicReference<>();

    void install(@Observes Router router) {
        client = vertx.createHttpClient();
        upstreams = new RouteTable(config.routes())
                .upstreams().stream().filter(RouteTable.Upstream::openapi).toList();
        ttlNanos = config.openapi().cacheTtl().toNanos();
        router.get("/openapi").handler(this::serve);
    }

    private void serve(RoutingContext ctx) {
        Snapshot snapshot = current.get();
        if (snapshot == null) {
            // Nothing merged yet: wait for the first refresh (one, however many requests arrive meanwhile).
            refresh().onComplete(done -> {
                if (done.succeeded()) {
                    send(ctx, done.result());
                } else {
                    Problems.send(
                            ctx.response(),
                            503,
                            "Service Unavailable",
                            "openapi-unavailable",
                            "the merged OpenAPI document could not be built; try again");
                }
            });
            return;
        }
        long maxAge = snapshot.complete() ? ttlNanos : Math.min(ttlNanos, INCOMPLETE_RETRY_NANOS);
        if (System.nanoTime() - snapshot.builtAtNanos() >= maxAge) {
            refresh(); // in the background: this request gets the current document without waiting
        }
        send(ctx, snapshot);
    }

    private static void send(RoutingContext ctx, Snapshot snapshot) {
        ctx.response()
                .putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-cache")
                .end(snapshot.body());
    }

    /** Fetches every service's document and merges them, unless a refresh is already under way: then that one. */
    private Future<Snapshot> refresh() {
        Promise<Snapshot> promise = Promise.promise();
        Future<Snapshot> running = refreshing.compareAndExchange(null, promise.future());
        if (running != null) {
            return running;
        }
        List<Future<JsonNode>> fetches = new ArrayList<>();
        for (RouteTable.Upstream upstream : upstreams) {
            fetches.add(fetch(upstream));
        }
        Future.join(fetches).onComplete(joined -> {
            Snapshot snapshot;
            try {
                snapshot = merge(fetches);
            } catch (RuntimeException e) {
                LOG.warn("merging the services' OpenAPI documents failed", e);
                refreshing.set(null);
                promise.fail(e);
                return;
            }
            current.set(snapshot);
            refreshing.set(null);
            promise.complete(snapshot);
        });
        return promise.future();
    }

    private Snapshot merge(List<Future<JsonNode>> fetches) {
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        List<String> stale = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        for (int i = 0; i < upstreams.size(); i++) {
            String name = upstreams.get(i).name();
            Future<JsonNode> fetch = fetches.get(i);
            if (fetch.succeeded()) {
                lastGood.put(name, fetch.result());
                documents.put(name, fetch.result());
                continue;
            }
            LOG.debugf("OpenAPI document of %s not fetched: %s", name, fetch.cause());
            JsonNode kept = lastGood.get(name);
            if (kept != null) {
                documents.put(name, kept);
                stale.add(name);
            } else {
                unavailable.add(name);
            }
        }
        ObjectNode merged = new OpenApiMerger(mapper).merge(documents, "1.0");
        if (!stale.isEmpty()) {
            merged.set("x-stale", mapper.valueToTree(stale));
        }
        if (!unavailable.isEmpty()) {
            merged.set("x-unavailable", mapper.valueToTree(unavailable));
        }
        return new Snapshot(merged.toPrettyString(), System.nanoTime(), stale.isEmpty() && unavailable.isEmpty());
    }

    private Future<JsonNode> fetch(RouteTable.Upstream upstream) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setHost(upstream.url().getHost())
                .setPort(upstream.port())
                .setURI("/q/openapi?format=json")
                .setIdleTimeout(3_000)
                .putHeader("Accept", "application/json");
        return client.request(options)
                .compose(request -> request.send())
                .compose(response -> response.statusCode() == 200
                        ? response.body()
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
