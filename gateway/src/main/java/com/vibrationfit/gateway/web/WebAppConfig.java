package com.vibrationfit.gateway.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** The member web app the gateway serves at {@code /} (built from {@code web/} into the web jar). */
@ConfigMapping(prefix = "vf.web")
public interface WebAppConfig {

    /** Whether {@code /} serves the web app (a gateway without the web jar serves nothing there either way). */
    @WithDefault("true")
    boolean enabled();

    /**
     * The OIDC provider's realm URL as a browser reaches it (the app signs in there and the CSP allows it).
     * Defaults to {@code quarkus.oidc.auth-server-url}, which is right when the gateway and browsers reach the
     * provider at the same address.
     */
    Optional<String> authority();

    /** The public OIDC client the app signs in with (authorization code + PKCE). */
    @WithDefault("vibrationfit-web")
    String clientId();

    /**
     * Origins media URLs point at (presigned S3 URLs: images and audio load from there, uploads PUT there):
     * the CSP allows exactly these for img-src, media-src and connect-src.
     */
    @WithDefault("http://127.0.0.1:9000,http://localhost:9000")
    List<String> mediaOrigins();
}
