package com.vibrationfit.journal.entry;

import com.vibrationfit.platform.media.MediaLinks;
import com.vibrationfit.platform.media.RecordingView;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An entry as the API returns it: the columns of {@code journal_entries}, snake_case, and beside each media
 * reference its link ({@code image_links}, {@code audio_recordings[].link}; see {@link MediaLinks}).
 */
public record JournalEntryView(
        UUID id,
        UUID userId,
        LocalDate date,
        String title,
        String content,
        List<String> categories,

        @Schema(description = "media_urls of the entry's photos (what you store and send back)")
        List<String> imageUrls,

        @Schema(description = "Links of image_urls, in the same order. " + MediaLinks.ABOUT_LINKS)
        List<String> imageLinks,

        @Schema(description = "the entry's recordings, each with the link of its url")
        List<RecordingView> audioRecordings,

        Instant createdAt,
        Instant updatedAt) {}
