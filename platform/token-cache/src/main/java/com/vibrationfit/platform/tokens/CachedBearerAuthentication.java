package com.vibrationfit.platform.tokens;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.oidc.runtime.OidcAuthenticationMechanism;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Bearer authentication that runs just ahead of quarkus-oidc's own mechanism. A bearer token seen
 * before and not yet expired gets the security identity its first authentication produced; every
 * other request goes to quarkus-oidc unchanged (signature via JWKS, issuer, audience, expiry, then the
 * application's identity augmentors), and only an identity it accepts is remembered, until the
 * token's {@code exp}.
 *
 * <p>Why: a member's client sends the same access token for its whole life, and profiling the gateway
 * put about 60 % of its CPU in authenticating that same token again: JWT parsing and the RSA check
 * (jose4j), then decoding the payload again to build the credential, and the reactive plumbing around
 * both. Local JWT verification never sees revocation, so remembering the verdict until {@code exp}
 * accepts nothing that would otherwise be refused; it only stops paying for it again. The augmentors
 * (e.g. the UUID-subject rule) depend on the token alone, so their result is remembered with it.
 */
@ApplicationScoped
public class CachedBearerAuthentication implements HttpAuthenticationMechanism {

    private static final String BEARER = "Bearer ";

    @Inject
    OidcAuthenticationMechanism oidc;

    @Inject
    Instance<MeterRegistry> registry;

    @ConfigProperty(name = "vf.security.token-cache.enabled", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "vf.security.token-cache.max-entries", defaultValue = "10000")
    int maxEntries;

    Clock clock = Clock.systemUTC();

    private VerifiedTokenCache<SecurityIdentity> cache;

    @PostConstruct
    void init() {
        cache = new VerifiedTokenCache<>(maxEntries);
        if (registry.isResolvable()) {
            MeterRegistry meters = registry.get();
            FunctionCounter.builder("vf.token.cache.hits", cache, VerifiedTokenCache::hits)
                    .description("requests whose bearer token was answered from the verified-token cache")
                    .register(meters);
            FunctionCounter.builder("vf.token.cache.misses", cache, VerifiedTokenCache::misses)
                    .description("requests whose bearer token went through full OIDC verification")
                    .register(meters);
            Gauge.builder("vf.token.cache.size", cache, VerifiedTokenCache::size)
                    .description("verified bearer tokens remembered until they expire")
                    .register(meters);
        }
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String token = enabled ? bearerToken(context.request().headers().get(HttpHeaders.AUTHORIZATION)) : null;
        if (token == null) {
            return oidc.authenticate(context, identityProviderManager);
        }
        var remembered = cache.get(token, clock.instant().getEpochSecond());
        if (remembered.isPresent()) {
            return Uni.createFrom().item(forThisRequest(remembered.get(), context));
        }
        return oidc.authenticate(context, identityProviderManager).invoke(identity -> remember(token, identity));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return oidc.getChallenge(context);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return oidc.getCredentialTypes();
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return oidc.getCredentialTransport(context);
    }

    /** Just ahead of quarkus-oidc's mechanism, which this one calls for every token it does not know. */
    @Override
    public int getPriority() {
        return oidc.getPriority() + 1;
    }

    public VerifiedTokenCache<SecurityIdentity> cache() {
        return cache;
    }

    private void remember(String token, SecurityIdentity identity) {
        if (identity != null
                && !identity.isAnonymous()
                && identity.getPrincipal() instanceof JsonWebToken jwt
                && jwt.getExpirationTime() > 0
                && token.equals(jwt.getRawToken())) {
            cache.put(token, identity, jwt.getExpirationTime(), clock.instant().getEpochSecond());
        }
    }

    /**
     * The token of an {@code Authorization: Bearer <token>} header value; null for anything else (no
     * header, another scheme, odd spacing), which then goes to quarkus-oidc to accept or refuse.
     */
    static String bearerToken(String header) {
        if (header == null
                || header.length() <= BEARER.length()
                || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String token = header.substring(BEARER.length());
        for (int i = 0; i < token.length(); i++) {
            if (Character.isWhitespace(token.charAt(i))) {
                return null;
            }
        }
        return token;
    }

    /** The remembered identity, pointing at this request's routing context rather than the first one's. */
    private static SecurityIdentity forThisRequest(SecurityIdentity remembered, RoutingContext context) {
        if (remembered.getAttribute(RoutingContext.class.getName()) == null) {
            return remembered;
        }
        return QuarkusSecurityIdentity.builder(remembered)
                .addAttribute(RoutingContext.class.getName(), context)
                .build();
    }
}
