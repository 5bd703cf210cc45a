package com.vibrationfit.media.objects;

import static com.vibrationfit.platform.testing.Api.as;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.vibrationfit.events.JournalEntryChanged;
import com.vibrationfit.events.Topics;
import com.vibrationfit.platform.testing.KafkaTopics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** journal.events in: objects no journal entry references any more are deleted, row and bytes. */
@QuarkusTest
class JournalReferencesTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    @Inject
    S3Client s3;

    @Inject
    StorageConfig config;

    private final UUID alice = UUID.randomUUID();

    private JsonPath uploaded() {
        JsonPath ticket = as(alice).body(Map.of("purpose", "journal_image", "content_type", "image/png", "size_bytes", 4))
                .post("/api/v1/media/uploads").then().statusCode(201).extract().jsonPath();
        s3.putObject(r -> r.bucket(config.bucket()).key(ticket.getString("key")).contentType("image/png"),
                RequestBody.fromBytes(new byte[4]));
        as(alice).post("/api/v1/media/uploads/" + ticket.getString("id") + "/complete").then().statusCode(200);
        return ticket;
    }

    private void publish(String type, UUID entry, List<String> urls, List<String> removed) throws Exception {
        KafkaTopics.publish(Topics.JOURNAL, UUID.randomUUID(), type, alice, JSON.writeValueAsString(
                new JournalEntryChanged(entry, alice, LocalDate.now(), List.of(), urls, removed)));
    }

    private boolean inS3(String key) {
        return !s3.listObjectsV2(r -> r.bucket(config.bucket()).prefix(key)).contents().isEmpty();
    }

    @Test
    void shouldDeleteAPhotoOnceNoEntryReferencesIt() throws Exception {
        JsonPath photo = uploaded();
        String url = photo.getString("media_url");
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        publish("journal.entry.created", first, List.of(url), List.of());
        publish("journal.entry.created", second, List.of(url), List.of());
        publish("journal.entry.deleted", first, List.of(url), List.of());
        // A marker entry behind them on the same partition: once its photo is gone, all the above were applied.
        JsonPath marker = uploaded();
        UUID third = UUID.randomUUID();
        publish("journal.entry.created", third, List.of(marker.getString("media_url")), List.of());
        publish("journal.entry.updated", third, List.of(), List.of(marker.getString("media_url")));
        await().atMost(Duration.ofSeconds(20)).until(() -> !inS3(marker.getString("key")));

        assertTrue(inS3(photo.getString("key")), "still referenced by the second entry");
        as(alice).get("/api/v1/media/objects/" + photo.getString("id")).then().statusCode(200);

        publish("journal.entry.deleted", second, List.of(url), List.of());
        await().atMost(Duration.ofSeconds(20)).until(() -> !inS3(photo.getString("key")));
        as(alice).get("/api/v1/media/objects/" + photo.getString("id")).then().statusCode(404);
        var deletions = KafkaTopics.read(Topics.MEDIA, Duration.ofSeconds(20), r -> alice.toString().equals(r.key())
                && "media.object.deleted".equals(KafkaTopics.header(r, "ce_type")), 2);
        assertEquals(2, deletions.size());
    }

    @Test
    void shouldAnnounceConfirmedUploads() {
        JsonPath photo = uploaded();
        var uploads = KafkaTopics.read(Topics.MEDIA, Duration.ofSeconds(20), r -> alice.toString().equals(r.key())
                && "media.object.uploaded".equals(KafkaTopics.header(r, "ce_type")), 1);
        assertEquals(1, uploads.size());
        assertTrue(uploads.get(0).value().contains(photo.getString("key")));
    }
}
