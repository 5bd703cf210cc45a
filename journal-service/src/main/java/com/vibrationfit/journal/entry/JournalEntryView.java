package com.vibrationfit.journal.entry;

import com.vibrationfit.platform.media.Recording;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An entry as the API returns it: the columns of {@code journal_entries}, snake_case. */
public record JournalEntryView(
        UUID id,
        UUID userId,
        LocalDate date,
        String title,
        String content,
        List<String> categories,
        List<String> imageUrls,
        List<Recording> audioRecordings,
        Instant createdAt,
        Instant updatedAt) {}
