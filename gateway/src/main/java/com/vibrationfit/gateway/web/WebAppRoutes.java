package com.vibrationfit.gateway.web;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vibrationfit.gateway.edge.Problems;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Serves the member web app at {@code /}: hashed files under {@code /assets/} are cached for good (a new build
 * gives them new names), {@code index.html} is never cached (so a new build is picked up on the next load), and
 * any other page path answers {@code index.html} (the app routes in the browser). {@code /web-config.json} tells
 * the app where to sign in. The API, the OpenAPI document and Quarkus's own paths are never shadowed.
 */
@ApplicationScoped
public class WebAppRoutes {

    private static final Logger LOG = Logger.getLogger(WebAppRoutes.class);
    private static final List<String> NOT_THE_APP = List.of("/api", "/q", "/internal", "/openapi");
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";
    private static final String NEVER_CACHE = "no-cache";

    @Inject
    WebAppConfig config;

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String authServerUrl;

    private WebAssets assets;
    private String policy;
    private Buffer webConfig;

    void install(@Observes Router router) throws IOException {
        if (!config.enabled()) {
            return;
        }
        byte[] list = WebAssets.fileList(Thread.currentThread().getContextClassLoader());
        if (list == null) {
            LOG.info("no web app on the class path (build web/ to serve it at /)");
            return;
        }
        List<String> files = mapper.readValue(list, new TypeReference<>() {});
        Optional<WebAssets> loaded = WebAssets.load(Thread.currentThread().getContextClassLoader(), files);
        if (loaded.isEmpty()) {
            LOG.warn("the web app's file list names no index.html: not serving it");
            return;
        }
        assets = loaded.get();
        String authority = config.authority().orElse(authServerUrl);
        policy = ContentSecurityPolicy.of(authority, config.mediaOrigins());
        webConfig = Buffer.buffer(new JsonObject()
                .put("authority", authority)
                .put("clientId", config.clientId())
                .encode());
        router.get("/web-config.json").handler(this::serveConfig);
        // After the API, OpenAPI and Quarkus routes: only what nothing else answers reaches the app.
        router.route().order(Integer.MAX_VALUE - 100).handler(this::serve);
        LOG.infof("web app: %d files served at /", assets.size());
    }

    private void serveConfig(RoutingContext ctx) {
        ctx.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CACHE_CONTROL, NEVER_CACHE)
                .end(webConfig);
    }

    private void serve(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        String path = ctx.normalizedPath();
        if ((method != HttpMethod.GET && method != HttpMethod.HEAD) || reserved(path)) {
            ctx.next();
            return;
        }
        String file = path.substring(1);
        Optional<WebAssets.Asset> exact =
                file.isEmpty() || file.equals("files.json") ? Optional.empty() : assets.get(file);
        if (exact.isPresent()) {
            send(ctx, exact.get());
        } else if (file.startsWith("assets/") || lastSegment(file).contains(".")) {
            // A missing file (an old build's chunk, a typo) is a 404, not the app: a script tag must not get HTML.
            Problems.send(ctx.response(), 404, "Not Found", "not-found", "no file at " + path);
        } else {
            send(ctx, assets.index());
        }
    }

    /** Paths that belong to the API, the OpenAPI document or Quarkus, never to the app. */
    static boolean reserved(String path) {
        for (String area : NOT_THE_APP) {
            if (path.equals(area) || path.startsWith(area + "/")) {
                return true;
            }
        }
        return false;
    }

    private static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private void send(RoutingContext ctx, WebAssets.Asset asset) {
        HttpServerResponse response = ctx.response();
        response.putHeader(HttpHeaders.CONTENT_TYPE, asset.contentType())
                .putHeader(HttpHeaders.CACHE_CONTROL, asset.hashed() ? IMMUTABLE : NEVER_CACHE)
                .putHeader(HttpHeaders.ETAG, asset.etag())
                .putHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING)
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Referrer-Policy", "no-referrer");
        if (asset.contentType().startsWith("text/html")) {
            response.putHeader("Content-Security-Policy", policy).putHeader("X-Frame-Options", "SAMEORIGIN");
        }
        if (asset.etag().equals(ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH))) {
            response.setStatusCode(304).end();
            return;
        }
        String accepted = ctx.request().getHeader(HttpHeaders.ACCEPT_ENCODING);
        boolean gzip = asset.gzipped() != null && accepted != null && accepted.contains("gzip");
        byte[] body = gzip ? asset.gzipped() : asset.bytes();
        if (gzip) {
            response.putHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        if (ctx.request().method() == HttpMethod.HEAD) {
            response.putHeader(HttpHeaders.CONTENT_LENGTH, String.valueOf(body.length))
                    .end();
        } else {
            response.end(Buffer.buffer(body));
        }
    }
}
