package com.vibrationfit.media;

import static com.vibrationfit.platform.testing.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/** An upload as a client makes it: a ticket, the bytes PUT to its presigned URL with the signed headers, complete. */
public final class UploadFlow {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private UploadFlow() {}

    /** A ticket for an upload of {@code size} bytes (201 expected). */
    public static JsonPath start(UUID user, String purpose, String type, long size) {
        return as(user).body(Map.of("purpose", purpose, "content_type", type, "size_bytes", size))
                .post("/api/v1/media/uploads")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    /** PUTs {@code bytes} to the ticket's URL with the headers it names; the status S3 answered. */
    public static int put(JsonPath ticket, byte[] bytes) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ticket.getString("upload_url")))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
        Map<String, String> headers = ticket.getMap("headers");
        headers.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("content-length")) {
                request.header(name, value);
            }
        });
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /** Starts, PUTs and completes an upload of {@code bytes}; the completed object. */
    public static JsonPath upload(UUID user, String purpose, String type, byte[] bytes) throws Exception {
        JsonPath ticket = start(user, purpose, type, bytes.length);
        assertEquals(200, put(ticket, bytes));
        return as(user).post("/api/v1/media/uploads/" + ticket.getString("id") + "/complete")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** {@code size} bytes, the same for the same seed. */
    public static byte[] bytes(int size, int seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
