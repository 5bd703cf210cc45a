package com.vibrationfit.platform.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

/**
 * Media objects as media-service announces them on media.events once an upload is confirmed, for services
 * that keep the platform's {@code known_media} projection (KnownMedia).
 */
public final class UploadedMedia {

    private UploadedMedia() {}

    /** A journal photo of {@code user}'s that the service knows as uploaded. */
    public static String photo(UUID user) {
        return of(user, "journal_image", "image/jpeg");
    }

    /** An object of {@code user}'s, uploaded for {@code purpose}, once the service has projected it. */
    public static String of(UUID user, String purpose, String contentType) {
        UUID id = UUID.randomUUID();
        String key =
                "users/" + user + "/" + purpose + "/" + id + "." + contentType.substring(contentType.indexOf('/') + 1);
        String url = "s3://vibrationfit-media/" + key;
        KafkaTopics.publish("media.events", UUID.randomUUID(), "media.object.uploaded", user, """
                {"object_id":"%s","user_id":"%s","key":"%s","media_url":"%s","purpose":"%s",
                 "content_type":"%s","size_bytes":1234,"uploaded_at":"2026-01-01T00:00:00Z"}""".formatted(
                        id, user, key, url, purpose, contentType));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !RawSql.asSystem("select 1 from known_media where media_url = '" + url + "'")
                        .isEmpty());
        return url;
    }

    /** A URL under {@code user}'s prefix that was never uploaded. */
    public static String neverUploaded(UUID user) {
        return "s3://vibrationfit-media/users/" + user + "/journal_image/" + UUID.randomUUID() + ".jpg";
    }
}
