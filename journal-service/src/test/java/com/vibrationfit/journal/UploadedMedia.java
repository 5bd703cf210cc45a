package com.vibrationfit.journal;

import static org.awaitility.Awaitility.await;

import com.vibrationfit.events.Topics;
import com.vibrationfit.platform.testing.KafkaTopics;
import com.vibrationfit.platform.testing.RawSql;
import java.time.Duration;
import java.util.UUID;

/** Media objects as media-service announces them on media.events once an upload is confirmed. */
public final class UploadedMedia {

    private UploadedMedia() {
    }

    /** A media_url of {@code user}'s that journal-service knows as uploaded. */
    public static String photo(UUID user) {
        UUID id = UUID.randomUUID();
        String key = "users/" + user + "/journal_image/" + id + ".jpg";
        String url = "s3://vibrationfit-media/" + key;
        KafkaTopics.publish(Topics.MEDIA, UUID.randomUUID(), "media.object.uploaded", user, """
                {"object_id":"%s","user_id":"%s","key":"%s","media_url":"%s","purpose":"journal_image",
                 "content_type":"image/jpeg","size_bytes":1234,"uploaded_at":"2026-01-01T00:00:00Z"}"""
                .formatted(id, user, key, url));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                !RawSql.asSystem("select 1 from known_media where media_url = '" + url + "'").isEmpty());
        return url;
    }

    /** A URL under {@code user}'s prefix that was never uploaded. */
    public static String neverUploaded(UUID user) {
        return "s3://vibrationfit-media/users/" + user + "/journal_image/" + UUID.randomUUID() + ".jpg";
    }
}
