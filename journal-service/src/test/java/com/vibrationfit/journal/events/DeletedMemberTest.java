package com.vibrationfit.journal.events;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.vibrationfit.events.Topics;
import com.vibrationfit.platform.testing.KafkaTopics;
import com.vibrationfit.platform.testing.RawSql;
import com.vibrationfit.platform.testing.UploadedMedia;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A deleted member stays deleted in journal-service: a media.object.uploaded about them that arrives after
 * user.deleted (it was in flight on media.events) does not re-create their uploads projection.
 */
@QuarkusTest
class DeletedMemberTest {

    @Test
    void shouldNotRecreateAnythingFromEventsPublishedAfterTheDeletion() {
        UUID gina = UUID.randomUUID();
        UUID hugo = UUID.randomUUID();
        UploadedMedia.photo(gina);
        KafkaTopics.publishUserDeleted(gina);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertEquals(
                        0,
                        RawSql.asSystem("select * from known_media where user_id = '" + gina + "'")
                                .size()));

        // In flight when she left: announced after her deletion.
        UUID late = UUID.randomUUID();
        String key = "users/" + gina + "/journal_image/" + late + ".jpg";
        UUID event = KafkaTopics.publish(
                Topics.MEDIA, UUID.randomUUID(), "media.object.uploaded", gina, """
                {"object_id":"%s","user_id":"%s","key":"%s","media_url":"s3://vibrationfit-media/%s","purpose":"journal_image",
                 "content_type":"image/jpeg","size_bytes":1234,"uploaded_at":"2026-01-01T00:00:00Z"}""".formatted(late, gina, key, key));
        UploadedMedia.photo(hugo); // applied: the consumer went past gina's event
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertEquals(
                        1,
                        RawSql.asSystem("select * from processed_events where event_id = '" + event + "'")
                                .size()));
        assertEquals(
                0,
                RawSql.asSystem("select * from known_media where user_id = '" + gina + "'")
                        .size(),
                "nothing of gina's is re-created");
        assertEquals(
                1,
                RawSql.asSystem("select * from deleted_users where user_id = '" + gina + "'")
                        .size());
    }
}
