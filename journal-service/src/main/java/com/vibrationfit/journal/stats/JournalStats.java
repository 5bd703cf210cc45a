package com.vibrationfit.journal.stats;

import java.util.Map;

/** {@code GET /api/v1/journal/stats}: entries per category (all 12, zeros included), per month, and streaks. */
public record JournalStats(
        long totalEntries,
        Map<String, Long> entriesPerCategory,
        Map<String, Long> entriesPerMonth,
        int currentStreak,
        int longestStreak) {}
