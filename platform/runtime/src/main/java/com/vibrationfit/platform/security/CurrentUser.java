package com.vibrationfit.platform.security;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The member making this request: the verified token's {@code sub}, which must be a UUID.
 * The user id never comes from a request body.
 */
@RequestScoped
public class CurrentUser {

    @Inject
    SecurityIdentity identity;

    /** The caller's id; 401 if the request carries no verified token. */
    public UUID id() {
        return find().orElseThrow(() -> new UnauthorizedException("a bearer token is required"));
    }

    public Optional<UUID> find() {
        if (identity == null || identity.isAnonymous()) {
            return Optional.empty();
        }
        return subjectOf(identity);
    }

    static Optional<UUID> subjectOf(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            return UserIds.parse(jwt.getSubject());
        }
        return Optional.empty();
    }
}
