package com.vibrationfit.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Random;

/** An upload as a client makes it: a ticket from media-service, the bytes PUT to S3, then complete. */
final class Uploads {

    private Uploads() {}

    /** Uploads {@code bytes} for {@code purpose} with the member's token; returns the ticket (id, key, media_url). */
    static JsonPath upload(String token, String purpose, String contentType, byte[] bytes) throws Exception {
        JsonPath ticket = put(token, purpose, contentType, bytes);
        complete(token, ticket);
        return ticket;
    }

    /** The first two steps: a ticket, and the bytes PUT to S3 with its URL; the upload is not completed yet. */
    static JsonPath put(String token, String purpose, String contentType, byte[] bytes) throws Exception {
        JsonPath ticket = given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("purpose", purpose, "content_type", contentType, "size_bytes", bytes.length))
                .post("/api/v1/media/uploads")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        HttpResponse<Void> put = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(ticket.getString("upload_url")))
                                .header("Content-Type", contentType)
                                .header(
                                        "If-None-Match",
                                        String.valueOf(ticket.getMap("headers").get("if-none-match")))
                                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
        assertEquals(200, put.statusCode());
        return ticket;
    }

    /** The last step: media-service checks the bytes in S3 and records the upload. */
    static void complete(String token, JsonPath ticket) {
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .post("/api/v1/media/uploads/" + ticket.getString("id") + "/complete")
                .then()
                .statusCode(200);
    }

    static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
