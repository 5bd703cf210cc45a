package com.vibrationfit.gateway.edge;

import io.vertx.core.MultiMap;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * What the gateway tells a service about the request, and what it refuses to pass on: forwarding and
 * identity headers a client could forge are dropped and set again by the gateway itself. The
 * Authorization header passes unchanged: each service verifies the token on its own.
 */
public final class ForwardedHeaders {

    public static final String REQUEST_ID = "X-Request-Id";
    private static final Pattern REQUEST_ID_FORMAT = Pattern.compile("[A-Za-z0-9._:-]{8,128}");
    private static final List<String> UNTRUSTED_PREFIXES = List.of(
            "x-forwarded-",
            "x-user",
            "x-auth",
            "x-remote-user",
            "x-userinfo",
            "x-identity",
            "x-original-",
            "x-real-ip",
            "x-client-ip");

    private ForwardedHeaders() {}

    /** Keeps a well-formed client request id, or creates one. */
    public static String requestId(String supplied) {
        return supplied != null && REQUEST_ID_FORMAT.matcher(supplied).matches()
                ? supplied
                : randomUuid().toString();
    }

    /**
     * A version-4 UUID from the thread's own generator: a request id needs to be unique, not
     * unguessable, and UUID.randomUUID() serialises every event loop on one SecureRandom.
     */
    static UUID randomUuid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    /**
     * Rewrites {@code headers} (of the request going upstream): untrusted headers out, then
     * X-Forwarded-For/Proto/Host and X-Request-Id from what the gateway saw.
     */
    public static void rewrite(MultiMap headers, String clientAddress, String scheme, String host, String requestId) {
        List<String> names = headers.names().stream().toList();
        for (String name : names) {
            String lower = name.toLowerCase();
            if (lower.equals("forwarded") || UNTRUSTED_PREFIXES.stream().anyMatch(lower::startsWith)) {
                headers.remove(name);
            }
        }
        headers.set("X-Forwarded-For", clientAddress == null ? "unknown" : clientAddress);
        headers.set("X-Forwarded-Proto", scheme == null ? "http" : scheme);
        if (host != null) {
            headers.set("X-Forwarded-Host", host);
        }
        headers.set(REQUEST_ID, requestId);
    }
}
