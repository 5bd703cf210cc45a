package com.vibrationfit.platform.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.vibrationfit.platform.errors.Problem;
import io.quarkus.vertx.web.RouteFilter;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a declared body over the service's limit with 413 problem+json before reading it.
 * (Quarkus' own {@code quarkus.http.limits.max-body-size} stays as the backstop for chunked bodies.)
 */
@ApplicationScoped
public class BodyLimitFilter {

    @ConfigProperty(name = "vf.http.max-body-bytes", defaultValue = "1048576")
    long maxBodyBytes;

    @Inject
    ObjectMapper mapper;

    @RouteFilter(100)
    void limit(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && exceeds(length)) {
            Problem problem = Problem.of(
                    413,
                    "Content Too Large",
                    "body-too-large",
                    "the request body is larger than the " + maxBodyBytes + " bytes this endpoint accepts");
            try {
                context.response()
                        .setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(mapper.writeValueAsString(problem));
            } catch (Exception e) {
                context.fail(413);
            }
            return;
        }
        context.next();
    }

    private boolean exceeds(String length) {
        try {
            return Long.parseLong(length.strip()) > maxBodyBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
