package com.vibrationfit.platform.testing;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.ConfigProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Media objects as media-service announces them on media.events once an upload is confirmed, for services
 * that keep the platform's {@code known_media} projection (KnownMedia).
 */
public final class UploadedMedia {

    private static final String URL_PREFIX = "s3://vibrationfit-media/";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private UploadedMedia() {}

    /** A journal photo of {@code user}'s that the service knows as uploaded. */
    public static String photo(UUID user) {
        return of(user, "journal_image", "image/jpeg");
    }

    /** An object of {@code user}'s, uploaded for {@code purpose}, once the service has projected it. */
    public static String of(UUID user, String purpose, String contentType) {
        UUID id = UUID.randomUUID();
        return announce(id, user, purpose, contentType, keyOf(user, purpose, id, contentType));
    }

    /**
     * An object of {@code user}'s holding {@code bytes}, uploaded for {@code purpose} as media-service's upload flow
     * leaves it (the bytes in the media bucket, {@code vf.media.bucket}, where the browser PUT them; then confirmed
     * on media.events), once the service has projected it.
     */
    public static String uploaded(S3Client s3, UUID user, String purpose, String contentType, byte[] bytes) {
        UUID id = UUID.randomUUID();
        String key = keyOf(user, purpose, id, contentType);
        put(s3, key, contentType, bytes);
        return announce(id, user, purpose, contentType, key);
    }

    /**
     * The media_url of an object of {@code user}'s holding {@code bytes} in the media bucket, for a service that
     * checks only the URL's prefix (no {@code known_media} projection to wait for).
     */
    public static String stored(S3Client s3, UUID user, String purpose, String contentType, byte[] bytes) {
        String key = keyOf(user, purpose, UUID.randomUUID(), contentType);
        put(s3, key, contentType, bytes);
        return URL_PREFIX + key;
    }

    /** A plain GET of {@code link}, with no token and no S3 client: what a browser's {@code <img src>} does. */
    public static HttpResponse<byte[]> fetch(String link) {
        try {
            return HTTP.send(
                    HttpRequest.newBuilder(URI.create(link))
                            .timeout(Duration.ofSeconds(10))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Asserts that {@code link} is an http(s) URL that a plain GET, with no token, answers with {@code bytes}. */
    public static void assertLinksTo(String link, byte[] bytes) {
        assertTrue(link != null && link.matches("https?://.+"), () -> "not an http(s) link: " + link);
        HttpResponse<byte[]> response = fetch(link);
        assertEquals(
                200,
                response.statusCode(),
                () -> link + " answered " + response.statusCode() + ": " + new String(response.body()));
        assertArrayEquals(bytes, response.body(), () -> link + " answered other bytes than were uploaded");
    }

    /** {@code size} bytes no other test writes: a recognisable payload to find again behind a link. */
    public static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    private static String keyOf(UUID user, String purpose, UUID id, String contentType) {
        return "users/" + user + "/" + purpose + "/" + id + "." + contentType.substring(contentType.indexOf('/') + 1);
    }

    private static void put(S3Client s3, String key, String contentType, byte[] bytes) {
        String bucket = ConfigProvider.getConfig().getValue("vf.media.bucket", String.class);
        s3.putObject(r -> r.bucket(bucket).key(key).contentType(contentType), RequestBody.fromBytes(bytes));
    }

    private static String announce(UUID id, UUID user, String purpose, String contentType, String key) {
        String url = URL_PREFIX + key;
        KafkaTopics.publish("media.events", UUID.randomUUID(), "media.object.uploaded", user, """
                {"object_id":"%s","user_id":"%s","key":"%s","media_url":"%s","purpose":"%s",
                 "content_type":"%s","size_bytes":1234,"uploaded_at":"2026-01-01T00:00:00Z"}""".formatted(
                        id, user, key, url, purpose, contentType));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !RawSql.asSystem("select 1 from known_media where media_url = '" + url + "'")
                        .isEmpty());
        return url;
    }

    /**
     * Announces, as media-service does once a transcription ends, that the recording at {@code url} of {@code user}'s
     * was transcribed ({@code status} completed with {@code transcript}, or unavailable/failed with {@code note}).
     */
    public static void transcribed(UUID user, String url, String status, String transcript, String note) {
        ObjectNode event = JSON.createObjectNode()
                .put("object_id", UUID.randomUUID().toString())
                .put("user_id", user.toString())
                .put("media_url", url)
                .put("status", status)
                .put("transcript", transcript)
                .put("language", transcript == null ? null : "english")
                .put("note", note)
                .put("transcribed_at", "2026-01-01T00:00:00Z");
        KafkaTopics.publish("media.events", UUID.randomUUID(), "media.recording.transcribed", user, event.toString());
    }

    /** A URL under {@code user}'s prefix that was never uploaded. */
    public static String neverUploaded(UUID user) {
        return URL_PREFIX + "users/" + user + "/journal_image/" + UUID.randomUUID() + ".jpg";
    }
}
