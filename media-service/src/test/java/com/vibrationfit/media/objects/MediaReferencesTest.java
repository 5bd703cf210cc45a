package com.vibrationfit.media.objects;

import static com.vibrationfit.platform.testing.Api.as;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.vibrationfit.events.MediaReferencesChanged;
import com.vibrationfit.events.Topics;
import com.vibrationfit.platform.testing.KafkaTopics;
import com.vibrationfit.platform.testing.RawSql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * media.references.changed in, from vision.events, journal.events and profile.events: an object is deleted only when no
 * entity of any service references it, after the grace, whatever order the announcements arrive in.
 */
@QuarkusTest
class MediaReferencesTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final String BOARD_ITEM = "vision_board_item";
    private static final String ENTRY = "journal_entry";
    private static final String PROFILE_VERSION = "profile_version";

    @Inject
    S3Client s3;

    @Inject
    StorageConfig config;

    @Inject
    UnreferencedObjectSweeper sweeper;

    @Inject
    ReferrerTombstones tombstones;

    @ConfigProperty(name = "vf.media.orphan-grace")
    Duration grace;

    private final UUID alice = UUID.randomUUID();

    private JsonPath uploaded() {
        JsonPath ticket = as(alice)
                .body(Map.of("purpose", "journal_image", "content_type", "image/png", "size_bytes", 4))
                .post("/api/v1/media/uploads")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        s3.putObject(
                r -> r.bucket(config.bucket()).key(ticket.getString("key")).contentType("image/png"),
                RequestBody.fromBytes(new byte[4]));
        as(alice)
                .post("/api/v1/media/uploads/" + ticket.getString("id") + "/complete")
                .then()
                .statusCode(200);
        return ticket;
    }

    /** Publishes an announcement as the service's outbox relay would (keyed by member: in order per topic). */
    private Runnable publish(String topic, String type, UUID entity, long version, boolean deleted, String... urls)
            throws Exception {
        UUID eventId = KafkaTopics.publish(
                topic,
                UUID.randomUUID(),
                "media.references.changed",
                alice,
                JSON.writeValueAsString(new MediaReferencesChanged(
                        type, entity, alice, List.of(urls), deleted, version, Instant.now())));
        String consumer = switch (topic) {
            case Topics.VISION -> "media-service.vision-events";
            case Topics.PROFILE -> "media-service.profile-events";
            default -> "media-service.journal-events";
        };
        return () -> await().atMost(Duration.ofSeconds(20))
                .until(() -> !RawSql.asSystem("select 1 from processed_events" + " where consumer = '" + consumer
                                + "' and event_id = '" + eventId + "'")
                        .isEmpty());
    }

    /** Publishes and waits until media-service applied (or deliberately ignored) it. */
    private void announce(String topic, String type, UUID entity, long version, boolean deleted, String... urls)
            throws Exception {
        publish(topic, type, entity, version, deleted, urls).run();
    }

    /** Lets the grace pass, then sweeps (the scheduled sweeper runs too; this one makes it certain). */
    private List<String> sweepAfterTheGrace() throws InterruptedException {
        Thread.sleep(grace.toMillis() + 500);
        return sweeper.sweep();
    }

    private boolean inS3(String key) {
        return !s3.listObjectsV2(r -> r.bucket(config.bucket()).prefix(key))
                .contents()
                .isEmpty();
    }

    private void assertKept(JsonPath object) {
        assertTrue(inS3(object.getString("key")), "bytes kept");
        as(alice).get("/api/v1/media/objects/" + object.getString("id")).then().statusCode(200);
    }

    private Object unreferencedSince(JsonPath object) {
        return RawSql.asSystem(
                        "select unreferenced_since from media_objects where id = '" + object.getString("id") + "'")
                .get(0)
                .get("unreferenced_since");
    }

    @Test
    void shouldKeepAProfilePhotoWhileAnyVersionReferencesIt() throws Exception {
        JsonPath photo = uploaded();
        String url = photo.getString("media_url");
        UUID active = UUID.randomUUID();
        UUID draft = UUID.randomUUID();
        announce(Topics.PROFILE, PROFILE_VERSION, active, 1, false, url);
        announce(Topics.PROFILE, PROFILE_VERSION, draft, 2, false, url); // the draft copied the photo

        announce(Topics.PROFILE, PROFILE_VERSION, draft, 3, true); // the draft is deleted
        assertFalse(sweepAfterTheGrace().contains(photo.getString("key")));
        assertKept(photo);

        announce(Topics.PROFILE, PROFILE_VERSION, active, 4, false); // the active version replaced its photo
        await().atMost(Duration.ofSeconds(20)).until(() -> !inS3(photo.getString("key")));
        as(alice).get("/api/v1/media/objects/" + photo.getString("id")).then().statusCode(404);
    }

    @Test
    void shouldKeepAPhotoWhileAnEntityOfAnyServiceReferencesIt() throws Exception {
        JsonPath photo = uploaded();
        String url = photo.getString("media_url");
        UUID boardItem = UUID.randomUUID();
        UUID entry = UUID.randomUUID();
        announce(Topics.VISION, BOARD_ITEM, boardItem, 1, false, url);
        announce(Topics.JOURNAL, ENTRY, entry, 1, false, url);

        announce(Topics.JOURNAL, ENTRY, entry, 2, true);
        assertFalse(sweepAfterTheGrace().contains(photo.getString("key")));
        assertKept(photo);
        assertNull(unreferencedSince(photo), "the board item still references it");

        announce(Topics.VISION, BOARD_ITEM, boardItem, 2, false);
        assertNotNull(unreferencedSince(photo), "nothing references it now, but it is not deleted at once");
        // The scheduled sweeper deletes it once the grace has passed: row, bytes, and the event.
        await().atMost(Duration.ofSeconds(20)).until(() -> !inS3(photo.getString("key")));
        as(alice).get("/api/v1/media/objects/" + photo.getString("id")).then().statusCode(404);
        var deletions = KafkaTopics.read(
                Topics.MEDIA,
                Duration.ofSeconds(20),
                r -> alice.toString().equals(r.key())
                        && "media.object.deleted".equals(KafkaTopics.header(r, "ce_type"))
                        && r.value().contains(photo.getString("key")),
                1);
        assertEquals(1, deletions.size());
    }

    @Test
    void shouldKeepAPhotoAnotherEntityTookWhenItsAnnouncementArrivesAfterTheDrop() throws Exception {
        JsonPath photo = uploaded();
        String url = photo.getString("media_url");
        UUID entryA = UUID.randomUUID();
        UUID entryB = UUID.randomUUID();
        announce(Topics.JOURNAL, ENTRY, entryA, 1, false, url);
        // B took the photo before A dropped it, but B committed later, so the relay publishes A's drop first:
        // on one partition, A's drop is applied before B's add (the object has no reference in between).
        Runnable dropApplied = publish(Topics.JOURNAL, ENTRY, entryA, 3, false);
        Runnable addApplied = publish(Topics.JOURNAL, ENTRY, entryB, 2, false, url);
        dropApplied.run();
        addApplied.run();

        assertFalse(sweepAfterTheGrace().contains(photo.getString("key")));
        assertKept(photo);
        assertNull(unreferencedSince(photo));
    }

    @Test
    void shouldIgnoreAnOlderVersionOfAnEntityArrivingAfterANewerOne() throws Exception {
        JsonPath photo = uploaded();
        String url = photo.getString("media_url");
        UUID entry = UUID.randomUUID();
        announce(Topics.JOURNAL, ENTRY, entry, 10, false, url);
        announce(Topics.JOURNAL, ENTRY, entry, 9, false); // an older update that dropped the photo
        assertNull(unreferencedSince(photo));
        assertFalse(sweepAfterTheGrace().contains(photo.getString("key")));
        assertKept(photo);

        // After the entity was deleted, its tombstone keeps a late older update from reviving the reference.
        announce(Topics.JOURNAL, ENTRY, entry, 12, true);
        announce(Topics.JOURNAL, ENTRY, entry, 11, false, url);
        assertEquals(
                List.of(true),
                RawSql.asSystem("select deleted from media_referrers where entity_id = '" + entry + "'").stream()
                        .map(row -> row.get("deleted"))
                        .toList());
        assertTrue(sweepAfterTheGrace().contains(photo.getString("key")) || !inS3(photo.getString("key")));
        assertFalse(inS3(photo.getString("key")));
        as(alice).get("/api/v1/media/objects/" + photo.getString("id")).then().statusCode(404);
    }

    @Test
    void shouldForgetADeletedEntitysTombstoneOnceNoTopicCanBringItBack() throws Exception {
        UUID longGone = UUID.randomUUID();
        UUID justDeleted = UUID.randomUUID();
        UUID quietForLong = UUID.randomUUID();
        announce(Topics.JOURNAL, ENTRY, longGone, 4, true);
        announce(Topics.JOURNAL, ENTRY, justDeleted, 4, true);
        announce(Topics.JOURNAL, ENTRY, quietForLong, 4, false);
        RawSql.asSystem("update media_referrers set applied_at = now() - interval '31 days' where entity_id in ('"
                + longGone + "', '" + quietForLong + "')");
        assertTrue(tombstones.forgetExpired() >= 1);
        assertEquals(
                List.of(justDeleted.toString(), quietForLong.toString()).stream()
                        .sorted()
                        .toList(),
                RawSql.asSystem("select entity_id::text as id from media_referrers where entity_id in ('" + longGone
                                + "', '" + justDeleted + "', '" + quietForLong + "') order by 1")
                        .stream()
                        .map(r -> r.get("id"))
                        .toList(),
                "only the tombstone older than vf.media.referrer-tombstone-keep (30 days) goes; a live entity stays");
    }

    @Test
    void shouldNotSweepAnObjectThatWasNeverReferenced() throws Exception {
        JsonPath photo = uploaded();
        assertFalse(sweepAfterTheGrace().contains(photo.getString("key")));
        assertKept(photo);
        assertNull(unreferencedSince(photo));
    }

    @Test
    void shouldAnnounceConfirmedUploads() {
        JsonPath photo = uploaded();
        var uploads = KafkaTopics.read(
                Topics.MEDIA,
                Duration.ofSeconds(20),
                r -> alice.toString().equals(r.key())
                        && "media.object.uploaded".equals(KafkaTopics.header(r, "ce_type")),
                1);
        assertEquals(1, uploads.size());
        assertTrue(uploads.get(0).value().contains(photo.getString("key")));
    }
}
