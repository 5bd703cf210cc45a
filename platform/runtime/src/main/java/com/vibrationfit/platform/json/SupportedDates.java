package com.vibrationfit.platform.json;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * The dates and times the product accepts: years 0001 to 9999. java.time parses far more (year
 * -999999999 to +999999999) than PostgreSQL stores (dates from 4713 BC, timestamps to 294276 AD), and
 * a value outside PostgreSQL's range failed the write with a 500; a year beyond 9999 also cannot be
 * written back as a plain ISO-8601 date. Points in time (Instant, OffsetDateTime, ZonedDateTime) are
 * checked in UTC, local dates and date-times as written.
 */
public final class SupportedDates {

    public static final LocalDate FIRST_DAY = LocalDate.of(1, 1, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);
    private static final Instant FIRST_INSTANT = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant END_INSTANT = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private SupportedDates() {}

    /** Why {@code value} is refused, or empty when it is in range (or not a date or time at all). */
    public static Optional<String> problemWith(Object value) {
        if (value instanceof LocalDate date) {
            return inRange(date) ? Optional.empty() : Optional.of(dateMessage());
        }
        if (value instanceof LocalDateTime dateTime) {
            return inRange(dateTime.toLocalDate()) ? Optional.empty() : Optional.of(timeMessage());
        }
        Instant instant = null;
        if (value instanceof Instant i) {
            instant = i;
        } else if (value instanceof OffsetDateTime offset) {
            instant = offset.toInstant();
        } else if (value instanceof ZonedDateTime zoned) {
            instant = zoned.toInstant();
        }
        if (instant != null && (instant.isBefore(FIRST_INSTANT) || instant.isAfter(END_INSTANT))) {
            return Optional.of(timeMessage());
        }
        return Optional.empty();
    }

    private static boolean inRange(LocalDate date) {
        return !date.isBefore(FIRST_DAY) && !date.isAfter(LAST_DAY);
    }

    private static String dateMessage() {
        return "must be a date between " + FIRST_DAY + " and " + LAST_DAY;
    }

    private static String timeMessage() {
        return "must be a time between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z";
    }
}
