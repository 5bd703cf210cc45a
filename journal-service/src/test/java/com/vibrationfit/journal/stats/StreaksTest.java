package com.vibrationfit.journal.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreaksTest {

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    @Test
    void shouldBeZeroWithoutEntries() {
        assertEquals(new Streaks.Result(0, 0), Streaks.of(List.of(), d("2026-03-01")));
    }

    @Test
    void shouldCountAcrossAMonthEnd() {
        var result = Streaks.of(
                List.of(d("2026-01-30"), d("2026-01-31"), d("2026-02-01"), d("2026-02-02")), d("2026-02-02"));
        assertEquals(new Streaks.Result(4, 4), result);
    }

    @Test
    void shouldCountAcrossAYearEnd() {
        var result = Streaks.of(List.of(d("2025-12-30"), d("2025-12-31"), d("2026-01-01")), d("2026-01-01"));
        assertEquals(new Streaks.Result(3, 3), result);
    }

    @Test
    void shouldCountAcrossALeapDay() {
        var result = Streaks.of(List.of(d("2028-02-28"), d("2028-02-29"), d("2028-03-01")), d("2028-03-01"));
        assertEquals(3, result.current());
    }

    @Test
    void shouldKeepTheCurrentStreakUntilTheDayIsOver() {
        var result = Streaks.of(List.of(d("2026-05-09"), d("2026-05-10")), d("2026-05-11"));
        assertEquals(2, result.current(), "today has no entry yet but yesterday had");
        assertEquals(0, Streaks.of(List.of(d("2026-05-09")), d("2026-05-11")).current());
    }

    @Test
    void shouldFindTheLongestRunInThePast() {
        var result = Streaks.of(
                List.of(
                        d("2026-01-01"),
                        d("2026-01-02"),
                        d("2026-01-03"),
                        d("2026-01-05"),
                        d("2026-01-10"),
                        d("2026-01-11")),
                d("2026-01-11"));
        assertEquals(new Streaks.Result(2, 3), result);
    }

    @Test
    void shouldIgnoreDuplicateDates() {
        var result = Streaks.of(List.of(d("2026-01-01"), d("2026-01-01"), d("2026-01-02")), d("2026-01-02"));
        assertEquals(new Streaks.Result(2, 2), result);
    }
}
