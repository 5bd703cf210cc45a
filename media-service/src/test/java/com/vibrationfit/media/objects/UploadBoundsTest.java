package com.vibrationfit.media.objects;

import static com.vibrationfit.media.UploadFlow.bytes;
import static com.vibrationfit.media.UploadFlow.put;
import static com.vibrationfit.media.UploadFlow.start;
import static com.vibrationfit.platform.testing.Api.as;
import static com.vibrationfit.platform.testing.Api.problem;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vibrationfit.platform.testing.RawSql;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/** Uploads are bounded: per-member quota, tickets that expire and are swept, URLs that cannot rewrite. */
@QuarkusTest
class UploadBoundsTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final long MIB = 1024L * 1024;
    private static final long VIDEO = 500 * MIB;

    @Inject
    S3Client s3;

    @Inject
    StorageConfig config;

    @Inject
    Scheduler scheduler;

    private static Map<String, Object> request(String purpose, String type, long size) {
        return Map.of("purpose", purpose, "content_type", type, "size_bytes", size);
    }

    private boolean inS3(String key) {
        return !s3.listObjectsV2(r -> r.bucket(config.bucket()).prefix(key))
                .contents()
                .isEmpty();
    }

    @Test
    void shouldRefuseAnUploadThatDoesNotFitInTheQuotaNamingTheSizeAndWhatIsLeft() throws Exception {
        UUID member = UUID.randomUUID();
        assertEquals(5L * 1024 * MIB, config.storageQuotaBytes(), "default quota: 5 GiB");
        // A completed object counts, also long after its ticket's time.
        byte[] photo = bytes(2048, 1);
        JsonPath done = start(member, "journal_image", "image/png", photo.length);
        assertEquals(200, put(done, photo));
        as(member)
                .post("/api/v1/media/uploads/" + done.getString("id") + "/complete")
                .then()
                .statusCode(200);
        RawSql.asSystem("update media_objects set expires_at = now() - interval '1 day' where id = '"
                + done.getString("id") + "'");
        for (int i = 0; i < 10; i++) {
            start(member, "journal_video", "video/mp4", VIDEO); // open tickets count with their declared size
        }
        long left = 120 * MIB - photo.length;
        problem(
                        as(member)
                                .body(request("journal_video", "video/mp4", left + 1))
                                .post("/api/v1/media/uploads")
                                .then(),
                        422)
                .body("type", endsWith("/storage-quota-exceeded"))
                .body("errors[0].field", equalTo("size_bytes"))
                .body("errors[0].message", containsString("only " + left + " bytes"));
        start(member, "journal_video", "video/mp4", left); // exactly what is left fits

        // An expired ticket no longer holds quota.
        problem(
                as(member)
                        .body(request("journal_image", "image/png", 1))
                        .post("/api/v1/media/uploads")
                        .then(),
                422);
        RawSql.asSystem("update media_objects set expires_at = now() - interval '1 day' where id = (select id from"
                + " media_objects where user_id = '" + member + "' and size_bytes = " + VIDEO + " limit 1)");
        start(member, "journal_video", "video/mp4", VIDEO);

        // The quota is per member: someone else starts freely.
        start(UUID.randomUUID(), "journal_video", "video/mp4", VIDEO);
    }

    @Test
    void shouldLetOnlyOneOfConcurrentStartsTakeTheLastRoom() throws Exception {
        UUID member = UUID.randomUUID();
        for (int i = 0; i < 9; i++) {
            start(member, "journal_video", "video/mp4", VIDEO); // 4500 MiB of 5120: room for one more
        }
        int racers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < racers; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return as(member)
                            .body(request("journal_video", "video/mp4", VIDEO))
                            .post("/api/v1/media/uploads")
                            .then()
                            .extract()
                            .statusCode();
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(racers - 1, statuses.stream().filter(s -> s == 422).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        Number total = (Number) RawSql.asUser(member, "select sum(size_bytes) as total from media_objects")
                .get(0)
                .get("total");
        assertTrue(total.longValue() <= config.storageQuotaBytes(), "never over the quota: " + total);
    }

    @Test
    void shouldRefuseToCompleteAnExpiredTicketAndSweepItsRowAndBytes() throws Exception {
        UUID member = UUID.randomUUID();
        JsonPath ticket = start(member, "journal_image", "image/jpeg", 512);
        Instant expires = Instant.parse(ticket.getString("expires_at"));
        assertTrue(expires.isBefore(Instant.now().plus(config.uploadUrlTtl()).plusSeconds(5)), "a short-lived URL");
        assertEquals(Duration.ofMinutes(5), config.uploadUrlTtl());
        assertEquals(200, put(ticket, bytes(512, 2)));
        String id = ticket.getString("id");
        String key = ticket.getString("key");
        // The ticket's URL died a day ago: far beyond the margin for a PUT still in flight. The sweeper
        // is held back a moment, to see the expired ticket before it is gone.
        scheduler.pause(UploadSweeper.JOB);
        try {
            Thread.sleep(300); // a sweep already running ends
            RawSql.asSystem("update media_objects set expires_at = now() - interval '1 day' where id = '" + id + "'");
            problem(as(member).post("/api/v1/media/uploads/" + id + "/complete").then(), 409)
                    .body("detail", containsString("expired"));
        } finally {
            scheduler.resume(UploadSweeper.JOB);
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertTrue(
                    RawSql.asSystem("select id from media_objects where id = '" + id + "'")
                            .isEmpty(),
                    "row swept");
            assertTrue(!inS3(key), "bytes swept");
        });
        problem(as(member).get("/api/v1/media/objects/" + id).then(), 404);
    }

    @Test
    void shouldNotLetTheUploadUrlReplaceBytesThatWereCompleted() throws Exception {
        UUID member = UUID.randomUUID();
        byte[] original = bytes(1024, 3);
        JsonPath ticket = start(member, "progress_photo", "image/png", original.length);
        assertEquals("*", ticket.getMap("headers").get("if-none-match"), "the PUT is signed to create only");
        assertEquals(200, put(ticket, original));
        String id = ticket.getString("id");
        as(member).post("/api/v1/media/uploads/" + id + "/complete").then().statusCode(200);
        String recorded = (String) RawSql.asSystem("select etag from media_objects where id = '" + id + "'")
                .get(0)
                .get("etag");
        assertNotNull(recorded, "complete records the ETag of what it confirmed");

        int second = put(ticket, bytes(1024, 4)); // same size and type, other bytes, same URL, still valid
        assertEquals(412, second, "S3 refuses to replace the object");

        String download = as(member)
                .get("/api/v1/media/objects/" + id)
                .then()
                .statusCode(200)
                .extract()
                .path("download_url");
        HttpResponse<byte[]> fetched = HTTP.send(
                HttpRequest.newBuilder(URI.create(download)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertArrayEquals(original, fetched.body(), "the bytes are the ones confirmed");
        assertEquals(
                recorded,
                s3.headObject(r -> r.bucket(config.bucket()).key(ticket.getString("key")))
                        .eTag());
        as(member)
                .post("/api/v1/media/uploads/" + id + "/complete")
                .then()
                .statusCode(200)
                .body("state", equalTo("uploaded"));
    }

    @Test
    void shouldSweepBytesPutBackThroughTheUrlOfADeletedObject() throws Exception {
        UUID member = UUID.randomUUID();
        byte[] photo = bytes(256, 5);
        JsonPath ticket = start(member, "journal_image", "image/webp", photo.length);
        String key = ticket.getString("key");
        assertEquals(200, put(ticket, photo));
        as(member)
                .post("/api/v1/media/uploads/" + ticket.getString("id") + "/complete")
                .then()
                .statusCode(200);
        as(member)
                .delete("/api/v1/media/objects/" + ticket.getString("id"))
                .then()
                .statusCode(204);
        assertTrue(!inS3(key));

        assertEquals(200, put(ticket, photo), "the URL is still alive and the key is empty again");
        assertTrue(inS3(key));
        // Time passes until the URL (and the margin for a PUT in flight) is over: the key is swept again.
        RawSql.asSystem("update revoked_upload_keys set sweep_after = now() - interval '1 second' where s3_key = '"
                + key + "'");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertTrue(!inS3(key), "bytes with no row removed"));
        assertTrue(RawSql.asSystem("select * from revoked_upload_keys where s3_key = '" + key + "'")
                .isEmpty());
    }
}
