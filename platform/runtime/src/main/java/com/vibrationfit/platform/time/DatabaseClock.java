package com.vibrationfit.platform.time;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/**
 * The current instant at PostgreSQL's precision (microseconds), so a timestamp read back from the
 * database equals the one written: ETags derived from {@code updated_at} stay stable.
 */
public final class DatabaseClock {

    private DatabaseClock() {}

    /** A timestamp a native query returned (the driver's Timestamp or OffsetDateTime) as an Instant; null stays null. */
    public static Instant instantOf(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return (Instant) value;
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
