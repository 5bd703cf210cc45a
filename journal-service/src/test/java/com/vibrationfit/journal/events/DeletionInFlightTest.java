package com.vibrationfit.journal.events;

import static com.vibrationfit.platform.testing.Api.as;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vibrationfit.platform.testing.ExportParts;
import com.vibrationfit.platform.testing.KafkaTopics;
import com.vibrationfit.platform.testing.RawSql;
import com.vibrationfit.platform.testing.S3TestResource;
import com.vibrationfit.platform.testing.S3TestServer;
import com.vibrationfit.platform.testing.SlowInserts;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Nothing of a deleted member survives in journal-service, whatever was in flight when they went: a request that
 * had passed its deleted-member check, and the export part this service wrote after another service had already
 * emptied the member's prefix.
 */
@QuarkusTest
class DeletionInFlightTest {

    @Inject
    S3Client s3;

    @ConfigProperty(name = "vf.media.bucket")
    String bucket;

    @Test
    void shouldLeaveNoEntryWrittenByARequestInFlightWhenTheMemberWasDeleted() throws Exception {
        UUID ivy = UUID.randomUUID();
        CompletableFuture<Integer> write;
        try (SlowInserts slow = SlowInserts.into("journal_entries", Duration.ofSeconds(3))) {
            // Her request passes its checks, then its insert sleeps in PostgreSQL ...
            write = CompletableFuture.supplyAsync(() -> as(ivy).body(Map.of("content", "Written as I left."))
                    .post("/api/v1/journal/entries")
                    .then()
                    .extract()
                    .statusCode());
            await().atMost(Duration.ofSeconds(10)).until(() -> SlowInserts.sleepers() > 0);
            // ... while her account is deleted.
            KafkaTopics.publishUserDeleted(ivy);
            write.get(20, TimeUnit.SECONDS);
        }
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertEquals(
                        1,
                        RawSql.asSystem("select 1 from deleted_users where user_id = '" + ivy + "'")
                                .size()));
        // The purge waited for her transaction (or the transaction for the purge): no entry outlives her.
        Thread.sleep(500);
        assertEquals(
                0,
                RawSql.asSystem("select 1 from journal_entries where user_id = '" + ivy + "'")
                        .size(),
                "an entry written after the purge survived it");
    }

    @Test
    void shouldSweepItsExportPartWrittenAfterTheMembersPrefixWasEmptied() {
        UUID jo = UUID.randomUUID();
        as(jo).body(Map.of("content", "Dear diary."))
                .post("/api/v1/journal/entries")
                .then()
                .statusCode(201);
        // Its part lands under users/{jo}/ after media-service (not running here) emptied that prefix.
        ExportParts.of(jo, "journal-service", s3);
        assertTrue(objectsOf(jo) > 0);

        KafkaTopics.publishUserDeleted(jo);

        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertEquals(
                        0, objectsOf(jo), "journal-service's own export part of a deleted member is left in S3"));
        assertEquals(
                0,
                RawSql.asSystem("select 1 from journal_entries where user_id = '" + jo + "'")
                        .size());
        // The last guard is still due (after the longest write that could be on its way).
        assertEquals(
                1,
                RawSql.asSystem("select 1 from member_object_sweeps where user_id = '" + jo + "' and sweeps_left = 1")
                        .size());
    }

    @Test
    void shouldSweepTheMembersObjectsOnceS3IsBackFromAnOutage() throws Exception {
        UUID kim = UUID.randomUUID();
        as(kim).body(Map.of("content", "Before the outage."))
                .post("/api/v1/journal/entries")
                .then()
                .statusCode(201);
        ExportParts.of(kim, "journal-service", s3);
        assertTrue(objectsOf(kim) > 0);

        S3TestServer storage = S3TestResource.server();
        storage.stop();
        try {
            KafkaTopics.publishUserDeleted(kim);
            // The rows go at once (the purge needs no S3); the sweep waits, recorded in member_object_sweeps.
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> RawSql.asSystem("select 1 from journal_entries where user_id = '" + kim + "'")
                            .isEmpty());
            Thread.sleep(3_000); // sweeps meet the outage meanwhile
            assertEquals(
                    1,
                    RawSql.asSystem("select 1 from member_object_sweeps where user_id = '" + kim
                                    + "' and sweeps_left = 2")
                            .size(),
                    "the first sweep is still due");
        } finally {
            storage.start();
        }
        await().atMost(Duration.ofSeconds(70))
                .untilAsserted(() -> assertEquals(0, objectsOf(kim), "the sweep deletes the part once S3 is back"));
    }

    private int objectsOf(UUID userId) {
        return s3.listObjectsV2(r -> r.bucket(bucket).prefix("users/" + userId + "/"))
                .keyCount();
    }
}
