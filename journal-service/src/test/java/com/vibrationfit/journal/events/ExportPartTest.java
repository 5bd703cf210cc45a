package com.vibrationfit.journal.events;

import static com.vibrationfit.platform.testing.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.vibrationfit.platform.testing.ExportParts;
import com.vibrationfit.platform.testing.RawSql;
import com.vibrationfit.platform.testing.UploadedMedia;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/** journal-service's part of an export: every entry of the member, as stored, nobody else's. */
@QuarkusTest
class ExportPartTest {

    @Inject
    S3Client s3;

    private final UUID alice = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();

    @Test
    void shouldWriteEveryJournalEntryOfTheMemberOnly() {
        String photo = UploadedMedia.photo(alice);
        String first = as(alice)
                .body(Map.of("title", "Sunrise", "content", "A quiet morning.", "image_urls", List.of(photo)))
                .post("/api/v1/journal/entries")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String second = as(alice)
                .body(Map.of("content", "Grateful for my friends."))
                .post("/api/v1/journal/entries")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(bob).body(Map.of("content", "Bob's secret diary."))
                .post("/api/v1/journal/entries")
                .then()
                .statusCode(201);

        ExportParts.Part part = ExportParts.of(alice, "journal-service", s3);

        var entries = part.rows("journal_entries");
        assertEquals(2, entries.size());
        assertEquals(
                List.of(first, second),
                List.of(
                        entries.get(0).path("id").asText(),
                        entries.get(1).path("id").asText()));
        assertEquals("Sunrise", entries.get(0).path("title").asText());
        assertEquals("A quiet morning.", entries.get(0).path("content").asText());
        assertEquals(photo, entries.get(0).path("image_urls").get(0).asText());
        assertFalse(entries.get(0).has("search"), "the derived search index is not member data");
        assertFalse(part.document().toString().contains("Bob's secret diary."));
    }

    @Test
    void shouldStreamYearsOfEntriesWholeAndInOrder() {
        // More rows than one cursor fetch (500), with text JSON must escape.
        UUID carol = UUID.randomUUID();
        RawSql.asSystem("""
                insert into journal_entries (user_id, date, title, content, categories)
                select '%s', date '2021-01-01' + i, 'Day ' || i, 'Dear "diary", ñ\\ — entry ' || i, '{gratitude}'
                from generate_series(1, 1500) i returning id""".formatted(carol));

        var entries = ExportParts.of(carol, "journal-service", s3).rows("journal_entries");

        assertEquals(1500, entries.size());
        assertEquals("Day 1", entries.get(0).path("title").asText());
        assertEquals(
                "Dear \"diary\", ñ\\ — entry 1", entries.get(0).path("content").asText());
        assertEquals("2025-02-09", entries.get(1499).path("date").asText());
        assertEquals("gratitude", entries.get(1499).path("categories").get(0).asText());
    }
}
