package com.vibrationfit.platform.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** Links are computed locally: a presigner with static keys and an endpoint nobody listens on is enough. */
class MediaLinksTest {

    private final S3Presigner presigner = S3Presigner.builder()
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("key", "secret")))
            .endpointOverride(URI.create("http://s3.example.test:9000"))
            .serviceConfiguration(
                    S3Configuration.builder().pathStyleAccessEnabled(true).build())
            .build();
    private final MediaLinks links = new MediaLinks(
            presigner, new MediaUrls("s3://vibrationfit-media/"), "vibrationfit-media-test", Duration.ofMinutes(15));
    private final UUID alice = UUID.randomUUID();

    @AfterEach
    void close() {
        presigner.close();
    }

    @Test
    void shouldLinkOurReferenceToAPresignedGetOfItsKey() {
        String key = "users/" + alice + "/journal_image/" + UUID.randomUUID() + ".jpg";

        URI link = URI.create(links.link("s3://vibrationfit-media/" + key));

        assertEquals("http", link.getScheme());
        assertEquals("s3.example.test", link.getHost());
        assertEquals("/vibrationfit-media-test/" + key, link.getPath(), "the configured bucket, the reference's key");
        assertTrue(link.getQuery().contains("X-Amz-Expires=900"), link.getQuery());
        assertTrue(link.getQuery().contains("X-Amz-Signature="), link.getQuery());
    }

    @Test
    void shouldHandOutNoLinkLongerThanTheDocumentedBound() {
        // A key that takes the URL past MAX_LENGTH once percent-encoded (the bound responses document for links).
        String key = "users/" + alice + "/journal_image/" + "%".repeat(3_000) + ".jpg";
        assertThrows(IllegalStateException.class, () -> links.presign(key, Duration.ofMinutes(1)));
        // The longest reference a service stores still gets a link within it.
        String ordinary = "users/" + alice + "/journal_image/" + "a".repeat(MediaUrls.MAX_LENGTH - 100) + ".jpg";
        assertTrue(links.link("s3://vibrationfit-media/" + ordinary).length() <= MediaLinks.MAX_LENGTH);
    }

    @Test
    void shouldGiveNoLinkToNullEmptyOrForeignReferences() {
        for (String reference : Arrays.asList(
                null,
                "",
                " ",
                "s3://another-bucket/users/" + alice + "/journal_image/a.jpg",
                "https://evil.example.com/users/" + alice + "/a.jpg",
                "vibrationfit-media/users/" + alice + "/a.jpg",
                "s3://vibrationfit-media/",
                "s3://vibrationfit-media/exports/a.zip",
                "s3://vibrationfit-media/users/not-a-uuid/a.jpg",
                "s3://vibrationfit-media/users/" + alice + "/../" + UUID.randomUUID() + "/a.jpg",
                "s3://vibrationfit-media/users/" + alice + "//a.jpg",
                "s3://vibrationfit-media/users/" + alice + "/a b.jpg")) {
            assertNull(links.link(reference), () -> "no link for " + reference);
        }
    }

    @Test
    void shouldKeepTheOrderOfAListAndItsGaps() {
        String ours = "s3://vibrationfit-media/users/" + alice + "/journal_image/a.jpg";

        List<String> linked = links.links(Arrays.asList("https://elsewhere.example.com/b.jpg", ours, null));

        assertEquals(3, linked.size());
        assertNull(linked.get(0));
        assertTrue(linked.get(1).contains("/users/" + alice + "/journal_image/a.jpg?"), linked.get(1));
        assertNull(linked.get(2));
        assertNull(links.links(null));
    }

    @Test
    void shouldLinkEachRecordingBesideItsUrl() {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        Recording foreign =
                new Recording("https://elsewhere.example.com/v.webm", "hi", RecordingType.AUDIO, "x", 1.0, at);
        Recording ours = new Recording(
                "s3://vibrationfit-media/users/" + alice + "/journal_audio/v.webm",
                "hi",
                RecordingType.AUDIO,
                "x",
                2.5,
                at);

        List<RecordingView> views = links.recordings(List.of(foreign, ours));

        assertNull(views.get(0).link());
        assertEquals(foreign.url(), views.get(0).url());
        assertTrue(views.get(1).link().startsWith("http://s3.example.test:9000/vibrationfit-media-test/users/"));
        assertEquals(
                new RecordingView(ours.url(), views.get(1).link(), "hi", RecordingType.AUDIO, "x", 2.5, at, null, null),
                views.get(1));
    }

    @Test
    void shouldNameThePublicEndpointWithTheServicesRegionAndCredentials() {
        try (S3Client s3 = S3Client.builder()
                        .region(Region.EU_CENTRAL_1)
                        .credentialsProvider(
                                StaticCredentialsProvider.create(AwsBasicCredentials.create("key", "secret")))
                        .endpointOverride(URI.create("http://s3.internal.test:9000"))
                        .build();
                S3Presigner browsers = MediaLinks.publicPresigner(s3, URI.create("https://media.example.com"), true)) {
            MediaLinks publicLinks = new MediaLinks(
                    browsers, new MediaUrls("s3://vibrationfit-media/"), "vibrationfit-media", Duration.ofMinutes(5));

            URI link = URI.create(publicLinks.link("s3://vibrationfit-media/users/" + alice + "/journal_image/a.jpg"));

            assertEquals(
                    "https://media.example.com/vibrationfit-media/users/" + alice + "/journal_image/a.jpg",
                    link.getScheme() + "://" + link.getHost() + link.getPath());
            assertTrue(link.getQuery().contains("/eu-central-1/s3/aws4_request"), link.getQuery());
            assertTrue(link.getQuery().contains("X-Amz-Expires=300"), link.getQuery());
        }
    }

    @Test
    void shouldRefuseALifetimeS3CannotSign() {
        MediaUrls urls = new MediaUrls("s3://vibrationfit-media/");
        assertThrows(IllegalArgumentException.class, () -> new MediaLinks(presigner, urls, "b", Duration.ofDays(8)));
        assertThrows(IllegalArgumentException.class, () -> new MediaLinks(presigner, urls, "b", Duration.ZERO));
    }
}
