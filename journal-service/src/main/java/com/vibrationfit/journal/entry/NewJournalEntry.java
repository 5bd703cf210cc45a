package com.vibrationfit.journal.entry;

import com.vibrationfit.events.LifeCategory;
import com.vibrationfit.platform.media.Recording;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** Body of {@code POST /api/v1/journal/entries}; {@code date} defaults to today in {@code ?tz=} (else UTC). */
public record NewJournalEntry(
        LocalDate date,
        @Size(max = 200) String title,
        @Size(max = 100_000) String content,
        @Size(max = 12) List<@NotNull LifeCategory> categories,
        @Size(max = 20) List<@NotBlank @Size(max = 2048) String> imageUrls,
        @Size(max = JournalEntry.MAX_RECORDINGS) List<@Valid @NotNull Recording> audioRecordings) {}
