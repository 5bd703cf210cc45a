package com.vibrationfit.events;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code journal.entry.created}, {@code journal.entry.updated} and {@code journal.entry.deleted}: an
 * entry and the media it references now ({@code media_urls}; empty once deleted) and no longer
 * ({@code removed_media_urls}), so media-service can delete objects nothing references any more.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record JournalEntryChanged(
        UUID entryId,
        UUID userId,
        LocalDate date,
        List<String> categories,
        List<String> mediaUrls,
        List<String> removedMediaUrls) {}
