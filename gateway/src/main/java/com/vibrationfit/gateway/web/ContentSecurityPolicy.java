package com.vibrationfit.gateway.web;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The web app's Content-Security-Policy: scripts and styles only from the gateway itself (no inline code), API
 * calls to the gateway, sign-in at the OIDC provider, media from the storage origins. Anything injected into a
 * page can then neither run nor send data anywhere else.
 */
public final class ContentSecurityPolicy {

    private ContentSecurityPolicy() {}

    public static String of(String authority, List<String> mediaOrigins) {
        String provider = origin(authority);
        String media = String.join(
                " ",
                new LinkedHashSet<>(
                        mediaOrigins.stream().map(ContentSecurityPolicy::origin).toList()));
        Set<String> directives = new LinkedHashSet<>();
        directives.add("default-src 'self'");
        directives.add("script-src 'self'");
        directives.add("style-src 'self'");
        directives.add("img-src 'self' blob: data: " + media);
        directives.add("media-src 'self' blob: " + media);
        directives.add("font-src 'self'");
        directives.add("connect-src 'self' " + provider + " " + media);
        // Silent sign-in and renewal run the provider's authorize endpoint in a hidden frame, which the provider
        // redirects back to the app's own /auth/silent page.
        directives.add("frame-src 'self' " + provider);
        // The app's own silent-renewal page is framed by the app; nobody else may frame it.
        directives.add("frame-ancestors 'self'");
        directives.add("form-action 'self' " + provider);
        directives.add("base-uri 'self'");
        directives.add("object-src 'none'");
        return String.join("; ", directives);
    }

    /** {@code scheme://host[:port]} of a URL; a policy source must not carry a path. */
    static String origin(String url) {
        URI uri = URI.create(url.trim());
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("not an absolute URL: " + url);
        }
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }
}
