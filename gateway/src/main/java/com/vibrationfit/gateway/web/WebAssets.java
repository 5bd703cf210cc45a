package com.vibrationfit.gateway.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

/**
 * The built web app, held in memory: a few hundred kB that every page load reads, so they are read from the jar
 * and compressed once at start instead of on each request. The build lists its files in {@code files.json}
 * (a jar cannot be listed portably).
 */
public final class WebAssets {

    /** Where the web module's build puts the app inside its jar. */
    public static final String ROOT = "META-INF/vibrationfit-web/";

    /** One file: its bytes, gzipped bytes when that is smaller, content type and a strong ETag. */
    public record Asset(String path, byte[] bytes, byte[] gzipped, String contentType, String etag) {
        public boolean hashed() {
            return path.startsWith("assets/");
        }
    }

    private final Map<String, Asset> assets;

    private WebAssets(Map<String, Asset> assets) {
        this.assets = assets;
    }

    /** The app found on the class path, or empty when this gateway was built without it. */
    public static Optional<WebAssets> load(ClassLoader loader, List<String> files) {
        Map<String, Asset> assets = new HashMap<>();
        for (String path : files) {
            byte[] bytes = read(loader, ROOT + path);
            if (bytes == null) {
                throw new IllegalStateException("web app file listed but missing: " + path);
            }
            assets.put(path, asset(path, bytes));
        }
        return assets.containsKey("index.html") ? Optional.of(new WebAssets(assets)) : Optional.empty();
    }

    /** Reads the build's file list; null when the web jar is not on the class path. */
    public static byte[] fileList(ClassLoader loader) {
        return read(loader, ROOT + "files.json");
    }

    public Optional<Asset> get(String path) {
        return Optional.ofNullable(assets.get(path));
    }

    public Asset index() {
        return assets.get("index.html");
    }

    public int size() {
        return assets.size();
    }

    static Asset asset(String path, byte[] bytes) {
        String type = contentType(path);
        byte[] gzipped = compressible(type) ? gzip(bytes) : null;
        if (gzipped != null && gzipped.length >= bytes.length) {
            gzipped = null;
        }
        return new Asset(path, bytes, gzipped, type, "\"" + sha256(bytes).substring(0, 32) + "\"");
    }

    static String contentType(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
        return switch (extension) {
            case "html" -> "text/html; charset=utf-8";
            case "js", "mjs" -> "text/javascript; charset=utf-8";
            case "css" -> "text/css; charset=utf-8";
            case "json", "map" -> "application/json";
            case "webmanifest" -> "application/manifest+json";
            case "svg" -> "image/svg+xml";
            case "png" -> "image/png";
            case "jpg", "jpeg" -> "image/jpeg";
            case "webp" -> "image/webp";
            case "ico" -> "image/x-icon";
            case "woff2" -> "font/woff2";
            case "txt" -> "text/plain; charset=utf-8";
            default -> "application/octet-stream";
        };
    }

    private static boolean compressible(String type) {
        return type.startsWith("text/") || type.startsWith("application/") || type.equals("image/svg+xml");
    }

    private static byte[] read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
