package com.vibrationfit.gateway.edge;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A missing, malformed, expired, tampered, wrong-issuer or wrong-audience token is a 401
 * problem+json with {@code WWW-Authenticate: Bearer}, answered at the edge: no service is called.
 */
@ApplicationScoped
public class AuthenticationProblems {

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::onFailure);
    }

    private void onFailure(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure instanceof AuthenticationFailedException
                || failure instanceof UnauthorizedException
                || failure instanceof AuthenticationCompletionException
                || ctx.statusCode() == 401) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
            Problems.send(
                    ctx.response(),
                    401,
                    "Unauthorized",
                    "unauthorized",
                    "a valid bearer token for this API is required (missing, invalid, expired or for another audience)");
            return;
        }
        if (failure instanceof ForbiddenException || ctx.statusCode() == 403) {
            Problems.send(ctx.response(), 403, "Forbidden", "forbidden", "this request is not allowed");
            return;
        }
        if (ctx.statusCode() == 413) {
            Problems.send(ctx.response(), 413, "Content Too Large", "body-too-large", "the request body is too large");
            return;
        }
        ctx.next();
    }
}
