package com.vibrationfit.journal.entry;

import com.vibrationfit.events.LifeCategory;
import com.vibrationfit.platform.media.MediaUrls;
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
        @Size(max = JournalEntry.TITLE_MAX_LENGTH) String title,
        @Size(max = JournalEntry.CONTENT_MAX_LENGTH) String content,
        @Size(max = JournalEntry.MAX_CATEGORIES) List<@NotNull LifeCategory> categories,
        @Size(max = JournalEntry.MAX_IMAGES) List<@NotBlank @Size(max = MediaUrls.MAX_LENGTH) String> imageUrls,
        @Size(max = JournalEntry.MAX_RECORDINGS) List<@Valid @NotNull Recording> audioRecordings) {}
