package com.vibrationfit.platform.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Rejects a verified token whose {@code sub} is not a UUID: every table keys rows by a UUID user id,
 * so such a token cannot identify a member and is answered 401 like any other bad token.
 */
@ApplicationScoped
public class UuidSubjectAugmentor implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Uni.createFrom().item(identity);
        }
        if (UserIds.parse(jwt.getSubject()).isEmpty()) {
            return Uni.createFrom().failure(new AuthenticationFailedException("token subject is not a user id (UUID)"));
        }
        return Uni.createFrom().item(identity);
    }
}
