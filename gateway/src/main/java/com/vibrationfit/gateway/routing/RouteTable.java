package com.vibrationfit.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps a request path to the upstream that serves it: the longest configured prefix that matches on a
 * path-segment boundary. {@code /internal/...} is never routed, whatever the configuration says.
 */
public final class RouteTable {

    /** One upstream service. */
    public record Upstream(String name, URI url, Duration timeout, boolean openapi) {

        /** The URL's port, or the scheme's default when the URL names none (http://vision-service). */
        public int port() {
            return url.getPort() > 0 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
        }
    }

    private record Entry(String prefix, Upstream upstream) {}

    private final List<Entry> entries;
    private final List<Upstream> upstreams;

    public RouteTable(Map<String, GatewayConfig.Route> routes) {
        List<Entry> list = new ArrayList<>();
        List<Upstream> all = new ArrayList<>();
        routes.forEach((name, route) -> {
            Upstream upstream = new Upstream(name, URI.create(route.url()), route.timeout(), route.openapi());
            all.add(upstream);
            route.prefixes().forEach(prefix -> list.add(new Entry(stripSlash(prefix), upstream)));
        });
        list.sort(Comparator.comparingInt((Entry e) -> e.prefix().length()).reversed());
        this.entries = List.copyOf(list);
        this.upstreams = List.copyOf(all);
    }

    public Optional<Upstream> route(String path) {
        if (path == null || isInternal(path) || path.contains("/../") || path.endsWith("/..")) {
            return Optional.empty();
        }
        for (Entry entry : entries) {
            if (path.equals(entry.prefix()) || path.startsWith(entry.prefix() + "/")) {
                return Optional.of(entry.upstream());
            }
        }
        return Optional.empty();
    }

    public List<Upstream> upstreams() {
        return upstreams;
    }

    public static boolean isInternal(String path) {
        return path.equals("/internal") || path.startsWith("/internal/");
    }

    private static String stripSlash(String prefix) {
        return prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
    }
}
