package com.vibrationfit.profile.export;

import com.vibrationfit.platform.testing.KafkaTopics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The other five services' side of an export, done as their platform part writers do it. */
final class OtherServices {

    static final String BUCKET = "vibrationfit-media-test";
    static final List<String> NAMES =
            List.of("vision-service", "assessment-service", "journal-service", "media-service", "ai-usage-service");

    private OtherServices() {}

    static String partKey(UUID user, String exportId, String service) {
        return "users/" + user + "/exports/" + exportId + "/parts/" + service + ".json";
    }

    /** Writes {@code service}'s part (its {@code data} and {@code files} JSON) to S3; returns its size. */
    static int write(S3Client s3, UUID user, String exportId, String service, String data, String files) {
        byte[] bytes = """
                {"format":"vibrationfit-export/1","service":"%s","export_id":"%s","user_id":"%s","exported_at":"%s",
                 "data":%s,"files":%s}""".formatted(service, exportId, user, Instant.now(), data, files)
                .getBytes(StandardCharsets.UTF_8);
        s3.putObject(
                r -> r.bucket(BUCKET).key(partKey(user, exportId, service)).contentType("application/json"),
                RequestBody.fromBytes(bytes));
        return bytes.length;
    }

    /** Announces {@code service}'s part with {@code user.export.part.ready} on export.parts. */
    static void announce(UUID user, String exportId, String service, int size) {
        KafkaTopics.publish("export.parts", UUID.randomUUID(), "user.export.part.ready", user, """
                {"export_id":"%s","user_id":"%s","service":"%s","object_key":"%s","size_bytes":%d,"file_count":0,
                 "written_at":"%s"}""".formatted(
                        exportId, user, service, partKey(user, exportId, service), size, Instant.now()));
    }

    /** Writes and announces. */
    static void deliver(S3Client s3, UUID user, String exportId, String service, String data, String files) {
        announce(user, exportId, service, write(s3, user, exportId, service, data, files));
    }
}
