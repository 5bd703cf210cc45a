package com.vibrationfit.profile.export;

import com.vibrationfit.platform.time.DatabaseClock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** One export as stored in {@code account_exports}. */
public record AccountExport(
        UUID id,
        UUID userId,
        String state,
        List<String> expectedParts,
        Instant requestedAt,
        Instant deadlineAt,
        String archiveKey,
        Long archiveBytes,
        Integer fileCount,
        List<String> missingFiles,
        Instant readyAt,
        Instant expiresAt,
        Instant failedAt,
        String failure) {

    public static final String COLLECTING = "collecting";
    public static final String READY = "ready";
    public static final String FAILED = "failed";
    public static final String EXPIRED = "expired";
    /** The most of a failure's reason an export keeps. */
    public static final int FAILURE_MAX_LENGTH = 2_000;

    /** The columns {@link #of} reads, in order. */
    static final String COLUMNS = """
            id, user_id, state, array_to_string(expected_parts, ','), requested_at, deadline_at, archive_key,
            archive_bytes, file_count, array_to_string(missing_files, chr(10)), ready_at, expires_at, failed_at, failure""";

    static AccountExport of(Object[] row) {
        return new AccountExport(
                (UUID) row[0],
                (UUID) row[1],
                (String) row[2],
                split((String) row[3], ","),
                DatabaseClock.instantOf(row[4]),
                DatabaseClock.instantOf(row[5]),
                (String) row[6],
                row[7] == null ? null : ((Number) row[7]).longValue(),
                row[8] == null ? null : ((Number) row[8]).intValue(),
                split((String) row[9], "\n"),
                instant(row[10]),
                instant(row[11]),
                instant(row[12]),
                (String) row[13]);
    }

    private static Instant instant(Object value) {
        return value == null ? null : DatabaseClock.instantOf(value);
    }

    private static List<String> split(String joined, String separator) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(separator));
    }
}
