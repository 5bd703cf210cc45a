package com.vibrationfit.journal.stats;

import com.vibrationfit.journal.entry.JournalEntry;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code GET /api/v1/journal/stats}: entries per category (all 12, zeros included), per month, and streaks. */
public record JournalStats(
        long totalEntries,

        @Schema(description = "every life category, zeros included", maxProperties = JournalEntry.MAX_CATEGORIES)
        Map<String, Long> entriesPerCategory,

        Map<String, Long> entriesPerMonth,
        int currentStreak,
        int longestStreak) {}
