package com.vibrationfit.media.events;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vibrationfit.events.Topics;
import com.vibrationfit.media.ElevenLabsStub;
import com.vibrationfit.media.VisionEventsFixture;
import com.vibrationfit.media.objects.StorageConfig;
import com.vibrationfit.platform.testing.KafkaTopics;
import com.vibrationfit.platform.testing.OwnPostgres;
import com.vibrationfit.platform.testing.PostgresCluster;
import com.vibrationfit.platform.testing.RawSql;
import com.vibrationfit.platform.testing.StopsPostgres;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The real PostgreSQL stops while media-service consumes events: vision events that arrive during the outage are
 * narrated once it is back, each text synthesised once; a member deleted during the outage leaves no row and no
 * object behind once it is back. Nothing is lost, nothing is done twice.
 */
@QuarkusTest
@StopsPostgres
@QuarkusTestResource(
        value = OwnPostgres.class,
        restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = OwnPostgres.ROLES, value = "media"))
class EventsDuringDatabaseOutageTest {

    private static final Duration OUTAGE = Duration.ofSeconds(5);
    private static final List<String> MEMBER_TABLES =
            List.of("audio_tracks", "media_objects", "vision_sections", "narration_jobs");

    @Inject
    S3Client s3;

    @Inject
    StorageConfig storage;

    private final String marker = "o" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void shouldNarrateVisionEventsThatArrivedDuringTheOutageOnceEach() throws Exception {
        UUID member = UUID.randomUUID();
        UUID vision = UUID.randomUUID();
        Map<String, String> texts = VisionEventsFixture.texts(marker, "fun", "travel", "home");
        UUID eventId = UUID.randomUUID();

        PostgresCluster.stop();
        try {
            VisionEventsFixture.completed(eventId, member, vision, texts);
            VisionEventsFixture.completed(eventId, member, vision, texts); // the broker's redelivery
            VisionEventsFixture.updated(member, vision, "complete", texts); // an unchanged re-save
            Thread.sleep(OUTAGE.toMillis()); // the consumer meets the outage and retries
        } finally {
            PostgresCluster.start();
        }

        awaitReady();
        VisionEventsFixture.awaitCompletedTracks(member, vision, 3);
        for (String key : List.of("fun", "travel", "home")) {
            assertEquals(1, ElevenLabsStub.callsFor(marker + "-" + key), key + " synthesised once");
        }
        assertEquals(3, rowsOf("audio_tracks", member), "one track per section, none doubled");
        assertEquals(
                3,
                s3Keys("users/" + member + "/narration/" + vision + "/").size(),
                "one object per track, none left over");
    }

    @Test
    void shouldLeaveNothingOfAMemberDeletedDuringTheOutage() throws Exception {
        UUID member = UUID.randomUUID();
        UUID vision = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        UUID othersVision = UUID.randomUUID();
        VisionEventsFixture.completed(UUID.randomUUID(), member, vision, VisionEventsFixture.texts(marker, "fun"));
        VisionEventsFixture.completed(
                UUID.randomUUID(), other, othersVision, VisionEventsFixture.texts(marker + "b", "fun"));
        VisionEventsFixture.awaitCompletedTracks(member, vision, 1);
        VisionEventsFixture.awaitCompletedTracks(other, othersVision, 1);

        // In flight: the deletion is published and the database stops while the consumer picks it up.
        KafkaTopics.publish(
                Topics.IDENTITY,
                UUID.randomUUID(),
                "user.deleted",
                member,
                "{\"user_id\":\"" + member + "\",\"deleted_at\":\"2026-01-01T00:00:00Z\"}");
        // And a vision event of hers behind it, which must not bring anything of hers back.
        VisionEventsFixture.completed(
                UUID.randomUUID(), member, UUID.randomUUID(), VisionEventsFixture.texts(marker + "late", "home"));
        PostgresCluster.stop();
        try {
            Thread.sleep(OUTAGE.toMillis());
        } finally {
            PostgresCluster.start();
        }

        awaitReady();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (String table : MEMBER_TABLES) {
                assertEquals(0, rowsOf(table, member), table);
            }
            assertTrue(s3Keys("users/" + member + "/").isEmpty(), "no object of hers");
        });
        // Still nothing a few seconds later: no retried effect of an older event writes her back.
        Thread.sleep(3_000);
        for (String table : MEMBER_TABLES) {
            assertEquals(0, rowsOf(table, member), table);
        }
        assertTrue(s3Keys("users/" + member + "/").isEmpty(), "no object of hers");
        assertEquals(1, rowsOf("audio_tracks", other), "the other member's narration is untouched");
        assertEquals(1, s3Keys("users/" + other + "/").size());
    }

    private void awaitReady() {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
    }

    private static int rowsOf(String table, UUID member) {
        return RawSql.asSystem("select 1 from " + table + " where user_id = '" + member + "'")
                .size();
    }

    private List<String> s3Keys(String prefix) {
        return s3.listObjectsV2(r -> r.bucket(storage.bucket()).prefix(prefix)).contents().stream()
                .map(o -> o.key())
                .toList();
    }
}
