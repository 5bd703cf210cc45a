package com.vibrationfit.gateway.edge;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The gateway's own operator endpoints ({@code /q/health}, {@code /q/metrics}, ...) answer only inside the cluster:
 * the Ingress sends everything under {@code /} to the gateway (the web app lives there), so a request that came
 * through a proxy (it carries {@code Forwarded}, {@code X-Forwarded-For} or {@code X-Real-IP}) gets 404 for them.
 * Kubelet probes and Prometheus call the pod directly and pass. The API documentation ({@code /q/swagger-ui},
 * {@code /q/openapi}) stays public.
 */
@ApplicationScoped
public class OperatorEndpoints {

    void install(@Observes Router router) {
        router.route("/q/*").order(-1000).handler(OperatorEndpoints::onlyInside);
    }

    static void onlyInside(RoutingContext ctx) {
        if (isPublicDocumentation(ctx.normalizedPath()) || !cameThroughAProxy(ctx)) {
            ctx.next();
            return;
        }
        Problems.send(ctx.response(), 404, "Not Found", "not-found", "no such resource");
    }

    static boolean isPublicDocumentation(String path) {
        return path.startsWith("/q/swagger-ui") || path.equals("/q/openapi") || path.startsWith("/q/openapi.");
    }

    static boolean cameThroughAProxy(RoutingContext ctx) {
        var headers = ctx.request().headers();
        return headers.contains("Forwarded") || headers.contains("X-Forwarded-For") || headers.contains("X-Real-IP");
    }
}
