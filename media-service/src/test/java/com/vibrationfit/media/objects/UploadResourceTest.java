package com.vibrationfit.media.objects;

import static com.vibrationfit.media.UploadFlow.put;
import static com.vibrationfit.media.UploadFlow.start;
import static com.vibrationfit.platform.testing.Api.as;
import static com.vibrationfit.platform.testing.Api.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

@QuarkusTest
class UploadResourceTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Inject
    S3Client s3;

    @Inject
    StorageConfig config;

    private final UUID alice = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();

    @Test
    void shouldUploadThroughThePresignedUrlAndConfirmIt() throws Exception {
        byte[] photo = new byte[2048];
        new Random(7).nextBytes(photo);
        JsonPath ticket = start(alice, "journal_image", "image/png", photo.length);
        String id = ticket.getString("id");
        assertTrue(ticket.getString("key").startsWith("users/" + alice + "/journal_image/"));
        assertEquals("PUT", ticket.getString("method"));
        assertEquals("image/png", ticket.getMap("headers").get("content-type"));
        assertTrue(ticket.getString("media_url").endsWith(ticket.getString("key")));
        Instant expires = Instant.parse(ticket.getString("expires_at"));
        assertTrue(expires.isBefore(Instant.now().plusSeconds(15 * 60 + 5)), "expires within 15 minutes");

        assertEquals(200, put(ticket, photo));

        as(alice)
                .post("/api/v1/media/uploads/" + id + "/complete")
                .then()
                .statusCode(200)
                .body("state", equalTo("uploaded"))
                .body("size_bytes", equalTo(2048))
                .body("download_url", startsWith("http://127.0.0.1"));
        String download = as(alice)
                .get("/api/v1/media/objects/" + id)
                .then()
                .statusCode(200)
                .body("purpose", equalTo("journal_image"))
                .extract()
                .path("download_url");
        HttpResponse<byte[]> fetched = HTTP.send(
                HttpRequest.newBuilder(URI.create(download)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, fetched.statusCode());
        assertTrue(Arrays.equals(photo, fetched.body()), "the bytes in S3 are the bytes uploaded");
    }

    @Test
    void shouldRejectTypesAndSizesOutsideThePurposesAllowList() {
        problem(
                        as(alice)
                                .body(Map.of(
                                        "purpose",
                                        "journal_image",
                                        "content_type",
                                        "application/pdf",
                                        "size_bytes",
                                        10))
                                .post("/api/v1/media/uploads")
                                .then(),
                        400)
                .body("errors.field", hasItem("content_type"));
        problem(
                        as(alice)
                                .body(Map.of(
                                        "purpose",
                                        "journal_image",
                                        "content_type",
                                        "image/jpeg",
                                        "size_bytes",
                                        11L * 1024 * 1024))
                                .post("/api/v1/media/uploads")
                                .then(),
                        400)
                .body("errors.field", hasItem("size_bytes"));
        problem(
                        as(alice)
                                .body(Map.of("purpose", "journal_audio", "content_type", "video/mp4", "size_bytes", 10))
                                .post("/api/v1/media/uploads")
                                .then(),
                        400)
                .body("errors.field", hasItem("content_type"));
        problem(
                        as(alice)
                                .body(Map.of("purpose", "selfie", "content_type", "image/png", "size_bytes", 10))
                                .post("/api/v1/media/uploads")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("purpose"));
        problem(
                        as(alice)
                                .body(Map.of("purpose", "journal_image", "content_type", "image/png", "size_bytes", 0))
                                .post("/api/v1/media/uploads")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("size_bytes"));
        // The bound the OpenAPI document states for content_type (@Size) is the one enforced.
        problem(
                        as(alice)
                                .body(Map.of(
                                        "purpose",
                                        "journal_image",
                                        "content_type",
                                        "image/" + "x".repeat(UploadPurpose.CONTENT_TYPE_MAX_LENGTH),
                                        "size_bytes",
                                        10))
                                .post("/api/v1/media/uploads")
                                .then(),
                        400)
                .body("errors[0].field", equalTo("content_type"));
        start(alice, "journal_video", "video/mp4", 400L * 1024 * 1024);
    }

    @Test
    void shouldAcceptNoContentTypeLongerThanTheDocumentedBound() {
        for (UploadPurpose purpose : UploadPurpose.values()) {
            for (String type : purpose.contentTypes()) {
                assertTrue(type.length() <= UploadPurpose.CONTENT_TYPE_MAX_LENGTH, type);
            }
        }
    }

    @Test
    void shouldRefuseToCompleteWhenNothingOrSomethingElseWasUploaded() {
        JsonPath ticket = start(alice, "vision_board_image", "image/jpeg", 1000);
        String id = ticket.getString("id");
        problem(as(alice).post("/api/v1/media/uploads/" + id + "/complete").then(), 422);
        // Bytes of another size and type land under the key (a client ignoring the ticket).
        s3.putObject(
                r -> r.bucket(config.bucket()).key(ticket.getString("key")).contentType("image/gif"),
                RequestBody.fromBytes(new byte[10]));
        problem(as(alice).post("/api/v1/media/uploads/" + id + "/complete").then(), 422)
                .body("errors.field", hasItem("size_bytes"))
                .body("errors.field", hasItem("content_type"));
        as(alice).get("/api/v1/media/objects/" + id).then().body("state", equalTo("pending"));
    }

    @Test
    void shouldDeleteTheObjectAndItsBytes() throws Exception {
        byte[] bytes = new byte[100];
        JsonPath ticket = start(alice, "progress_photo", "image/webp", bytes.length);
        assertEquals(200, put(ticket, bytes));
        String id = ticket.getString("id");
        as(alice).post("/api/v1/media/uploads/" + id + "/complete").then().statusCode(200);
        as(alice).delete("/api/v1/media/objects/" + id).then().statusCode(204);
        problem(as(alice).get("/api/v1/media/objects/" + id).then(), 404);
        assertTrue(s3.listObjectsV2(r -> r.bucket(config.bucket()).prefix(ticket.getString("key")))
                .contents()
                .isEmpty());
    }

    @Test
    void shouldHideAnotherUsersObjectsBehind404() {
        String id = start(alice, "profile_picture", "image/jpeg", 100).getString("id");
        problem(as(bob).get("/api/v1/media/objects/" + id).then(), 404);
        problem(as(bob).post("/api/v1/media/uploads/" + id + "/complete").then(), 404);
        problem(as(bob).delete("/api/v1/media/objects/" + id).then(), 404);
        as(alice).get("/api/v1/media/objects/" + id).then().statusCode(200).body("id", notNullValue());
    }

    @Test
    void shouldRequireAToken() {
        given().contentType("application/json")
                .body("{}")
                .post("/api/v1/media/uploads")
                .then()
                .statusCode(401);
        given().get("/api/v1/media/objects/" + UUID.randomUUID()).then().statusCode(401);
    }
}
