package com.vibrationfit.gateway.routing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The gateway's routes and edge limits, all from configuration. */
@ConfigMapping(prefix = "vf.gateway")
public interface GatewayConfig {

    /** Upstream services by name: {@code vf.gateway.routes.vision.url} and {@code ...prefixes}. */
    Map<String, Route> routes();

    RateLimit rateLimit();

    /** Largest request body accepted at the edge. */
    @WithDefault("2097152")
    long maxBodyBytes();

    /** The merged OpenAPI document at {@code /openapi}. */
    OpenApi openapi();

    interface Route {
        /** Base URL of the service, e.g. http://127.0.0.1:8082. */
        String url();

        /** Path prefixes served by the service, e.g. /api/v1/visions. */
        List<String> prefixes();

        /** Time the service may take to answer before the gateway gives up with 504. */
        @WithDefault("PT30S")
        Duration timeout();

        /** Whether the service's OpenAPI document is merged into the gateway's. */
        @WithDefault("true")
        boolean openapi();
    }

    interface OpenApi {
        /**
         * How long a merged document is served before the services are asked again (in the background,
         * the old one still served meanwhile). A document missing a service is retried sooner.
         */
        @WithDefault("PT1M")
        Duration cacheTtl();
    }

    interface RateLimit {
        /** Requests a member may burst. */
        @WithDefault("200")
        int capacity();

        /** Sustained requests per second per member. */
        @WithDefault("50")
        double refillPerSecond();
    }
}
