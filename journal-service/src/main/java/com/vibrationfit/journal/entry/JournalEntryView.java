package com.vibrationfit.journal.entry;

import com.vibrationfit.events.LifeCategory;
import com.vibrationfit.platform.media.MediaLinks;
import com.vibrationfit.platform.media.MediaUrls;
import com.vibrationfit.platform.media.RecordingView;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An entry as the API returns it: the columns of {@code journal_entries}, snake_case, and beside each media
 * reference its link ({@code image_links}, {@code audio_recordings[].link}; see {@link MediaLinks}).
 */
public record JournalEntryView(
        UUID id,
        UUID userId,
        LocalDate date,
        @Schema(maxLength = JournalEntry.TITLE_MAX_LENGTH) String title,
        @Schema(maxLength = JournalEntry.CONTENT_MAX_LENGTH) String content,

        @Schema(type = SchemaType.ARRAY, implementation = LifeCategory.class, maxItems = JournalEntry.MAX_CATEGORIES)
        List<String> categories,

        @Schema(
                description = "media_urls of the entry's photos (what you store and send back)",
                maxItems = JournalEntry.MAX_IMAGES)
        List<@Size(max = MediaUrls.MAX_LENGTH) String> imageUrls,

        @Schema(
                description = "Links of image_urls, in the same order. " + MediaLinks.ABOUT_LINKS,
                maxItems = JournalEntry.MAX_IMAGES)
        List<@Size(max = MediaLinks.MAX_LENGTH) String> imageLinks,

        @Schema(
                description = "the entry's recordings, each with the link of its url",
                maxItems = JournalEntry.MAX_RECORDINGS)
        List<RecordingView> audioRecordings,

        Instant createdAt,
        Instant updatedAt) {}
