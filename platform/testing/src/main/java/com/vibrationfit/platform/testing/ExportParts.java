package com.vibrationfit.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A service's part of a member's export, as profile-service would see it: {@code user.export.requested} is
 * published on identity.events, the service's {@code user.export.part.ready} is awaited on export.parts, and the
 * object it names is read from S3.
 */
public final class ExportParts {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ExportParts() {}

    /** What a service announced and wrote. */
    public record Part(JsonNode announcement, JsonNode document) {

        /** The rows of one section ({@code data.<name>}). */
        public JsonNode rows(String section) {
            return document.path("data").path(section);
        }
    }

    /** Publishes {@code user.export.requested} for {@code userId}; returns the export's id. */
    public static UUID request(UUID userId) {
        UUID exportId = UUID.randomUUID();
        KafkaTopics.publish(
                "identity.events",
                UUID.randomUUID(),
                "user.export.requested",
                userId,
                "{\"export_id\":\"%s\",\"user_id\":\"%s\",\"requested_at\":\"%s\"}"
                        .formatted(exportId, userId, Instant.now()));
        return exportId;
    }

    /**
     * Requests an export of {@code userId} and returns {@code service}'s part of it, read with the service's own
     * S3 client from its bucket ({@code vf.media.bucket}).
     */
    public static Part of(UUID userId, String service, S3Client s3) {
        String bucket = ConfigProvider.getConfig().getValue("vf.media.bucket", String.class);
        return of(
                userId,
                service,
                key -> s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray());
    }

    /** As {@link #of(UUID, String, S3Client)}, with {@code read} fetching an S3 object's bytes by key. */
    public static Part of(UUID userId, String service, Function<String, byte[]> read) {
        UUID exportId = request(userId);
        List<ConsumerRecord<String, String>> announced = KafkaTopics.read(
                "export.parts",
                Duration.ofSeconds(30),
                r -> "user.export.part.ready".equals(KafkaTopics.header(r, "ce_type"))
                        && r.value().contains(exportId.toString())
                        && r.value().contains("\"" + service + "\""),
                1);
        if (announced.isEmpty()) {
            throw new AssertionError(service + " announced no part of export " + exportId + " within 30 s");
        }
        try {
            JsonNode announcement = JSON.readTree(announced.get(0).value());
            JsonNode document =
                    JSON.readTree(read.apply(announcement.path("object_key").asText()));
            return new Part(announcement, document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
