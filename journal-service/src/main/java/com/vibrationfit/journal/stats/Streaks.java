package com.vibrationfit.journal.stats;

import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;

/**
 * Daily-journaling streaks from the dates that have an entry. The current streak counts consecutive
 * days ending today, or yesterday (today is not over yet); the longest is the longest run ever.
 */
public final class Streaks {

    public record Result(int current, int longest) {}

    private Streaks() {}

    public static Result of(List<LocalDate> dates, LocalDate today) {
        TreeSet<LocalDate> days = new TreeSet<>(dates);
        int longest = 0;
        int run = 0;
        LocalDate previous = null;
        for (LocalDate day : days) {
            run = previous != null && previous.plusDays(1).equals(day) ? run + 1 : 1;
            longest = Math.max(longest, run);
            previous = day;
        }
        LocalDate cursor = days.contains(today) ? today : today.minusDays(1);
        int current = 0;
        while (days.contains(cursor)) {
            current++;
            cursor = cursor.minusDays(1);
        }
        return new Result(current, longest);
    }
}
