package com.vibrationfit.gateway.routing;

import com.vibrationfit.gateway.edge.ForwardedHeaders;
import com.vibrationfit.gateway.edge.Problems;
import com.vibrationfit.gateway.edge.TokenBuckets;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.proxy.handler.ProxyHandler;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.ConnectException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * The edge pipeline on the Quarkus router, after Quarkus has verified the token (HTTP permissions
 * require an authenticated member on {@code /api/*}): body limit, per-member rate limit, then the
 * reverse proxy to the service that owns the path prefix, with forged forwarding headers dropped.
 */
@ApplicationScoped
public class ProxyRoutes {

    private static final Logger LOG = Logger.getLogger(ProxyRoutes.class);
    private static final String REQUEST_ID_KEY = "vf.request-id";

    @Inject
    GatewayConfig config;

    @Inject
    Vertx vertx;

    private RouteTable table;
    private TokenBuckets buckets;
    /**
     * One proxy (and upstream connection pool) per event-loop thread and upstream: a request and its
     * upstream exchange then stay on the thread that accepted it, instead of handing each request and
     * response between event loops (two more thread wake-ups per request).
     */
    private final ThreadLocal<Map<String, ProxyHandler>> proxies = ThreadLocal.withInitial(HashMap::new);
    /** For the rare request continued off an event loop (e.g. after a blocking JWKS refresh): shared. */
    private final Map<String, ProxyHandler> sharedProxies = new ConcurrentHashMap<>();

    private final List<HttpClient> clients = new CopyOnWriteArrayList<>();
    /** Chunked bodies read and checked by {@link #proxyChunked}, handed to the proxy's request interceptor. */
    private final Map<HttpServerRequest, Buffer> collectedBodies = new ConcurrentHashMap<>();

    void install(@Observes Router router) {
        table = new RouteTable(config.routes());
        buckets = new TokenBuckets(
                config.rateLimit().capacity(), config.rateLimit().refillPerSecond());
        vertx.setPeriodic(60_000, id -> buckets.evictIdle(System.nanoTime(), 600_000_000_000L));
        router.route("/internal/*")
                .order(-10)
                .handler(ctx ->
                        Problems.send(ctx.response(), 404, "Not Found", "not-found", "no resource at this path"));
        router.route("/api/*").order(10).handler(this::handle);
        // The payment provider's webhooks carry no member token: the service checks the provider's signature.
        router.post("/webhooks/stripe").order(10).handler(this::webhook);
    }

    void close(@Observes ShutdownEvent event) {
        clients.forEach(HttpClient::close);
    }

    public RouteTable table() {
        return table;
    }

    private void handle(RoutingContext ctx) {
        String requestId = ForwardedHeaders.requestId(ctx.request().getHeader(ForwardedHeaders.REQUEST_ID));
        ctx.put(REQUEST_ID_KEY, requestId);
        ctx.response().putHeader(ForwardedHeaders.REQUEST_ID, requestId);

        String member = member(ctx);
        if (member == null) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
            Problems.send(
                    ctx.response(),
                    401,
                    "Unauthorized",
                    "unauthorized",
                    "a bearer access token for this API is required");
            return;
        }
        // Every answer to a member, the gateway's own 404/413/429 included, says where their rate limit stands.
        TokenBuckets.Decision decision = buckets.take(member, System.nanoTime());
        ctx.response()
                .putHeader("RateLimit-Limit", String.valueOf(buckets.capacity()))
                .putHeader("RateLimit-Remaining", String.valueOf(decision.remaining()))
                .putHeader("RateLimit-Reset", String.valueOf(decision.resetSeconds()));
        if (!decision.allowed()) {
            ctx.response().putHeader("Retry-After", String.valueOf(decision.retryAfterSeconds()));
            Problems.send(
                    ctx.response(),
                    429,
                    "Too Many Requests",
                    "rate-limited",
                    "slow down: retry after " + decision.retryAfterSeconds() + " s");
            return;
        }
        forward(ctx, requestId);
    }

    private void webhook(RoutingContext ctx) {
        String requestId = ForwardedHeaders.requestId(ctx.request().getHeader(ForwardedHeaders.REQUEST_ID));
        ctx.put(REQUEST_ID_KEY, requestId);
        ctx.response().putHeader(ForwardedHeaders.REQUEST_ID, requestId);
        forward(ctx, requestId);
    }

    private void forward(RoutingContext ctx, String requestId) {
        var upstream = table.route(ctx.normalizedPath());
        if (upstream.isEmpty()) {
            Problems.send(ctx.response(), 404, "Not Found", "not-found", "no service answers " + ctx.normalizedPath());
            return;
        }
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && parse(length) > config.maxBodyBytes()) {
            refuseTooLarge(ctx);
            return;
        }
        ForwardedHeaders.rewrite(
                ctx.request().headers(),
                ctx.request().remoteAddress() == null
                        ? null
                        : ctx.request().remoteAddress().hostAddress(),
                ctx.request().scheme(),
                ctx.request().authority() == null
                        ? null
                        : ctx.request().authority().toString(),
                requestId);
        RouteTable.Upstream target = upstream.get();
        Map<String, ProxyHandler> local = Context.isOnEventLoopThread() ? proxies.get() : sharedProxies;
        ProxyHandler proxy = local.computeIfAbsent(target.name(), name -> ProxyHandler.create(proxyTo(target)));
        if (length == null && ctx.request().headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
            proxyChunked(ctx, proxy);
        } else {
            proxy.handle(ctx);
        }
    }

    /**
     * A chunked body announces no length, so the limit can only be checked while reading it: such a
     * body is collected up to the limit (at most {@code vf.gateway.max-body-bytes} in memory) and
     * refused with 413 as soon as it goes over, before the service sees a byte; a body within the
     * limit is then sent on with its length. Clients that send Content-Length are streamed as before.
     */
    private void proxyChunked(RoutingContext ctx, ProxyHandler proxy) {
        HttpServerRequest request = ctx.request();
        Buffer body = Buffer.buffer();
        request.handler(chunk -> {
            if (ctx.response().ended()) {
                return;
            }
            if ((long) body.length() + chunk.length() > config.maxBodyBytes()) {
                refuseTooLarge(ctx);
                return;
            }
            body.appendBuffer(chunk);
        });
        request.endHandler(ended -> {
            if (!ctx.response().ended()) {
                collectedBodies.put(request, body);
                // Normally the proxy's interceptor takes it at once; this covers an exchange that ends before.
                ctx.addEndHandler(done -> collectedBodies.remove(request));
                proxy.handle(ctx);
            }
        });
        request.resume();
    }

    private void refuseTooLarge(RoutingContext ctx) {
        ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
        Problems.send(
                ctx.response(),
                413,
                "Content Too Large",
                "body-too-large",
                "the request body is larger than the " + config.maxBodyBytes() + " bytes the API accepts");
    }

    private HttpProxy proxyTo(RouteTable.Upstream upstream) {
        int port = upstream.port();
        String host = upstream.url().getHost();
        HttpClient client = vertx.createHttpClient(
                new HttpClientOptions()
                        .setConnectTimeout(2_000)
                        .setKeepAlive(true)
                        .setTcpNoDelay(true),
                new PoolOptions().setHttp1MaxSize(64));
        clients.add(client);
        HttpProxy proxy = HttpProxy.reverseProxy(client);
        proxy.originRequestProvider((request, httpClient) -> httpClient.request(new RequestOptions()
                .setHost(host)
                .setPort(port)
                .setIdleTimeout(upstream.timeout().toMillis())));
        proxy.addInterceptor(new ProxyInterceptor() {
            @Override
            public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
                Buffer collected = collectedBodies.remove(context.request().proxiedRequest());
                if (collected != null) {
                    context.request().setBody(Body.body(collected));
                }
                return context.sendRequest()
                        .recover(failure -> Future.succeededFuture(errorResponse(context, upstream, failure)));
            }
        });
        return proxy;
    }

    /** Turns an upstream failure into 503 (refused / unreachable) or 504 (too slow), as problem+json. */
    private static ProxyResponse errorResponse(ProxyContext context, RouteTable.Upstream upstream, Throwable failure) {
        boolean timeout = isTimeout(failure);
        int status = timeout ? 504 : 503;
        String detail = timeout
                ? upstream.name() + " did not answer within "
                        + upstream.timeout().toMillis() + " ms"
                : upstream.name() + " is unavailable; try again shortly";
        LOG.warnf("upstream %s failed: %s", upstream.name(), failure.toString());
        ProxyResponse response = context.request().response();
        response.setStatusCode(status);
        response.setStatusMessage(timeout ? "Gateway Timeout" : "Service Unavailable");
        response.headers().clear();
        response.putHeader("Content-Type", Problems.MEDIA_TYPE);
        if (!timeout) {
            response.putHeader("Retry-After", "5");
        }
        response.setBody(Body.body(Buffer.buffer(Problems.body(
                status,
                timeout ? "Gateway Timeout" : "Service Unavailable",
                timeout ? "upstream-timeout" : "upstream-unavailable",
                detail))));
        return response;
    }

    static boolean isTimeout(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t.getClass().getSimpleName().contains("Timeout")) {
                return true;
            }
            if (t instanceof ConnectException) {
                return false;
            }
        }
        return false;
    }

    /** The verified token's subject, or null when the request carries no verified token. */
    private static String member(RoutingContext ctx) {
        if (ctx.user() instanceof QuarkusHttpUser user) {
            SecurityIdentity identity = user.getSecurityIdentity();
            if (!identity.isAnonymous()
                    && identity.getPrincipal() instanceof JsonWebToken jwt
                    && jwt.getSubject() != null) {
                return jwt.getSubject();
            }
        }
        return null;
    }

    private static long parse(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The upstreams, for health and OpenAPI merging. */
    public List<RouteTable.Upstream> upstreams() {
        return table == null ? new RouteTable(config.routes()).upstreams() : table.upstreams();
    }
}
