package com.vibrationfit.vision.events;

import static com.vibrationfit.vision.Fixtures.as;
import static com.vibrationfit.vision.Fixtures.completeVision;
import static com.vibrationfit.vision.Fixtures.createVision;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.vibrationfit.platform.testing.ExportParts;
import com.vibrationfit.platform.testing.KafkaTopics;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/** vision-service's part of an export: every version and board item of the member, nobody else's. */
@QuarkusTest
class ExportPartTest {

    @Inject
    S3Client s3;

    private final UUID alice = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();

    @Test
    void shouldWriteEveryVisionAndBoardItemOfTheMemberOnly() {
        String complete = completeVision(alice, "My life, complete");
        String draft = createVision(alice, "Next chapter");
        String item = as(alice)
                .body(Map.of("name", "A cabin by the lake", "categories", List.of("home")))
                .post("/api/v1/vision-board/items")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        createVision(bob, "Bob's vision");
        as(bob).body(Map.of("name", "Bob's boat", "categories", List.of("fun")))
                .post("/api/v1/vision-board/items")
                .then()
                .statusCode(201);

        ExportParts.Part part = ExportParts.of(alice, "vision-service", s3);

        assertEquals(alice.toString(), part.document().path("user_id").asText());
        assertEquals(Set.of(complete, draft), ids(part.rows("vision_versions")));
        assertEquals(Set.of(item), ids(part.rows("vision_board_items")));
        JsonNode written = part.rows("vision_versions").get(0);
        assertEquals("My life, complete", written.path("title").asText(), "the table's own columns, oldest first");
        assertEquals("complete", written.path("status").asText());
        for (JsonNode row : part.rows("vision_versions")) {
            assertEquals(alice.toString(), row.path("user_id").asText());
        }
        assertEquals(
                Set.of(complete, draft),
                ids(part.rows("unfiltered_visions")),
                "a query without a member filter still sees only the member's rows (row-level security)");
        assertEquals(0, part.announcement().path("file_count").asInt(), "images travel with media-service's part");
        assertEquals(
                1,
                KafkaTopics.read(
                                "export.parts",
                                Duration.ofSeconds(2),
                                r -> "user.export.part.ready".equals(KafkaTopics.header(r, "ce_type"))
                                        && r.value()
                                                .contains(part.announcement()
                                                        .path("export_id")
                                                        .asText()),
                                2)
                        .size(),
                "announced once");
    }

    private static Set<String> ids(JsonNode rows) {
        Set<String> ids = new HashSet<>();
        rows.forEach(row -> ids.add(row.path("id").asText()));
        return ids;
    }
}
