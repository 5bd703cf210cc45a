package com.vibrationfit.platform.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import com.vibrationfit.platform.db.TransientFailure;
import com.vibrationfit.platform.db.TransientFailures;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A bulk delete answers 200 OK and lists, per key, what it did not delete. The real S3 client against a stub
 * speaking that protocol: the per-key errors are read, never taken for success.
 */
class BucketObjectsTest {

    private HttpServer server;
    private S3Client s3;
    private final AtomicReference<String> answer = new AtomicReference<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = answer.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/xml");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        s3 = S3Client.builder()
                .endpointOverride(
                        URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s")))
                .build();
    }

    @AfterEach
    void stop() {
        s3.close();
        server.stop(0);
    }

    private void answerWithErrors(String... codeAndKey) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<DeleteResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">");
        for (int i = 0; i < codeAndKey.length; i += 2) {
            xml.append("<Error><Key>")
                    .append(codeAndKey[i + 1])
                    .append("</Key><Code>")
                    .append(codeAndKey[i])
                    .append("</Code><Message>")
                    .append(codeAndKey[i])
                    .append(" message</Message></Error>");
        }
        answer.set(xml.append("</DeleteResult>").toString());
    }

    @Test
    void shouldSucceedWhenNoKeyIsReportedAndWhenAKeyWasAlreadyGone() {
        answerWithErrors();
        BucketObjects.deleteAll(s3, "b", List.of("users/1/a", "users/1/b"));
        answerWithErrors("NoSuchKey", "users/1/a");
        BucketObjects.deleteAll(s3, "b", List.of("users/1/a"));
    }

    @Test
    void shouldRetryKeysS3KeptForAMomentsTrouble() {
        answerWithErrors("InternalError", "users/1/a", "SlowDown", "users/1/b");
        TransientFailure failure = assertThrows(
                TransientFailure.class,
                () -> BucketObjects.deleteAll(s3, "b", List.of("users/1/a", "users/1/b", "users/1/c")));
        assertTrue(failure.getMessage().contains("users/1/a")
                && failure.getMessage().contains("users/1/b"));
        assertTrue(TransientFailures.isTransient(failure));
    }

    @Test
    void shouldReportKeysS3RefusedForGoodWithTheirKeys() {
        answerWithErrors("AccessDenied", "users/1/a", "InternalError", "users/1/b");
        BucketObjects.ObjectsNotDeleted failure = assertThrows(
                BucketObjects.ObjectsNotDeleted.class,
                () -> BucketObjects.deleteAll(s3, "b", List.of("users/1/a", "users/1/b")));
        assertEquals(List.of("users/1/a", "users/1/b"), failure.keys());
        assertTrue(failure.getMessage().contains("AccessDenied"));
        assertTrue(!TransientFailures.isTransient(failure));
    }

    @Test
    void shouldOwnOnlyWhatEachServiceWritesUnderAMembersPrefix() {
        UUID member = UUID.randomUUID();
        String media = "users/" + member + "/vision_board/x.jpg";
        String part = "users/" + member + "/exports/e1/parts/journal-service.json";
        String otherPart = "users/" + member + "/exports/e1/parts/vision-service.json";
        String archive = "users/" + member + "/exports/e1/vibrationfit-export.zip";
        var journal = MemberObjectSweeper.ownedBy(MemberObjectSweeper.Owned.EXPORT_PARTS, "journal-service", member);
        assertEquals(
                List.of(part),
                List.of(media, part, otherPart, archive).stream()
                        .filter(journal)
                        .toList());
        var profile = MemberObjectSweeper.ownedBy(MemberObjectSweeper.Owned.EXPORTS, "profile-service", member);
        assertEquals(
                List.of(part, otherPart, archive),
                List.of(media, part, otherPart, archive).stream()
                        .filter(profile)
                        .toList());
        var mediaService = MemberObjectSweeper.ownedBy(MemberObjectSweeper.Owned.MEMBER, "media-service", member);
        assertEquals(
                4,
                List.of(media, part, otherPart, archive).stream()
                        .filter(mediaService)
                        .count());
        assertEquals(
                0,
                List.of("users/" + UUID.randomUUID() + "/x").stream()
                        .filter(mediaService)
                        .count());
    }
}
