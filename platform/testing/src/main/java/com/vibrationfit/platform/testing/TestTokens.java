package com.vibrationfit.platform.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Mints RS256 access tokens signed by {@link OidcTestServer}'s key, for any user id, plus the bad
 * tokens every endpoint must refuse: expired, tampered, wrong issuer, wrong audience, non-UUID subject.
 */
public final class TestTokens {

    public static final String AUDIENCE = "vibrationfit-api";
    public static final String KEY_ID = "vf-test-key";
    private static final KeyPair KEYS = generate();
    private static final KeyPair FOREIGN_KEYS = generate();
    private static volatile String issuer = "http://127.0.0.1/realms/test";

    private TestTokens() {}

    static void useIssuer(String value) {
        issuer = value;
    }

    public static String issuer() {
        return issuer;
    }

    public static String forUser(UUID userId) {
        return forUser(userId, Duration.ofHours(1));
    }

    /** A valid token that expires {@code lifetime} from now (for tests of what happens at expiry). */
    public static String forUser(UUID userId, Duration lifetime) {
        return claims(userId.toString(), issuer, AUDIENCE, Instant.now().plus(lifetime))
                .jws()
                .keyId(KEY_ID)
                .sign(KEYS.getPrivate());
    }

    /** A valid token of someone holding the realm role {@code operator} (operations endpoints). */
    public static String forOperator(UUID userId) {
        return claims(userId.toString(), issuer, AUDIENCE, Instant.now().plusSeconds(3600))
                .claim("realm_access", Map.of("roles", List.of("operator")))
                .groups("operator")
                .jws()
                .keyId(KEY_ID)
                .sign(KEYS.getPrivate());
    }

    /**
     * A client-credentials token of the service {@code clientId} (its service account {@code sub}, {@code azp}
     * the client id) holding {@code roles} as realm roles, as Keycloak issues it to a calling service.
     */
    public static String forService(String clientId, String... roles) {
        UUID account = UUID.nameUUIDFromBytes(("service-account-" + clientId).getBytes(StandardCharsets.UTF_8));
        return claims(account.toString(), issuer, AUDIENCE, Instant.now().plusSeconds(3600))
                .claim("azp", clientId)
                .claim("preferred_username", "service-account-" + clientId)
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .groups(Set.of(roles))
                .jws()
                .keyId(KEY_ID)
                .sign(KEYS.getPrivate());
    }

    /** A valid token of a member holding the realm role {@code admin}. */
    public static String forAdmin(UUID userId) {
        return claims(userId.toString(), issuer, AUDIENCE, Instant.now().plusSeconds(3600))
                .claim("realm_access", Map.of("roles", List.of("admin")))
                .groups("admin")
                .jws()
                .keyId(KEY_ID)
                .sign(KEYS.getPrivate());
    }

    public static String expired(UUID userId) {
        return claims(userId.toString(), issuer, AUDIENCE, Instant.now().minusSeconds(600))
                .issuedAt(Instant.now().minusSeconds(1200))
                .jws()
                .keyId(KEY_ID)
                .sign(KEYS.getPrivate());
    }

    public static String wrongIssuer(UUID userId) {
        return claims(
                        userId.toString(),
                        "http://127.0.0.1:1/realms/elsewhere",
                        AUDIENCE,
                        Instant.now().plusSeconds(3600))
                .jws()
                .keyId(KEY_ID)
                .sign(KEYS.getPrivate());
    }

    public static String wrongAudience(UUID userId) {
        return claims(userId.toString(), issuer, "some-other-api", Instant.now().plusSeconds(3600))
                .jws()
                .keyId(KEY_ID)
                .sign(KEYS.getPrivate());
    }

    /** Signed by a key the provider never published, under the provider's key id. */
    public static String foreignSignature(UUID userId) {
        return claims(userId.toString(), issuer, AUDIENCE, Instant.now().plusSeconds(3600))
                .jws()
                .keyId(KEY_ID)
                .sign(FOREIGN_KEYS.getPrivate());
    }

    /** A valid token whose payload was then edited to name another user: the signature no longer matches. */
    public static String tampered(UUID signedFor, UUID claimed) {
        String[] parts = forUser(signedFor).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]));
        String edited = payload.replace(signedFor.toString(), claimed.toString());
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(edited.getBytes()) + "."
                + parts[2];
    }

    public static String nonUuidSubject() {
        return claims("alice", issuer, AUDIENCE, Instant.now().plusSeconds(3600))
                .jws()
                .keyId(KEY_ID)
                .sign(KEYS.getPrivate());
    }

    static RSAPublicKey publicKey() {
        return (RSAPublicKey) KEYS.getPublic();
    }

    private static JwtClaimsBuilder claims(String subject, String iss, String audience, Instant expiresAt) {
        return Jwt.claims()
                .issuer(iss)
                .subject(subject)
                .audience(audience)
                .claim("azp", "vibrationfit-web")
                .claim("typ", "Bearer")
                .claim("preferred_username", "user-" + subject)
                .issuedAt(Instant.now().minusSeconds(5))
                .expiresAt(expiresAt);
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
