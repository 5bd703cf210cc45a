package com.vibrationfit.journal.entry;

import com.vibrationfit.events.LifeCategory;
import com.vibrationfit.platform.media.Recording;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** Body of {@code PATCH /api/v1/journal/entries/{id}}: absent (or null) fields stay as they are. */
public record JournalEntryChanges(
        LocalDate date,
        @Size(max = 200) String title,
        @Size(max = 100_000) String content,
        @Size(max = 12) List<@NotNull LifeCategory> categories,
        @Size(max = 20) List<@NotBlank @Size(max = 2048) String> imageUrls,
        @Size(max = JournalEntry.MAX_RECORDINGS) List<@Valid @NotNull Recording> audioRecordings) {}
