package com.vibrationfit.platform.time;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The current instant at PostgreSQL's precision (microseconds), so a timestamp read back from the
 * database equals the one written: ETags derived from {@code updated_at} stay stable.
 */
public final class DatabaseClock {

    private DatabaseClock() {
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
