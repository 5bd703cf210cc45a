package com.vibrationfit.platform.paging;

import com.vibrationfit.platform.errors.InvalidRequest;
import java.util.List;
import java.util.function.Function;

/** {@code ?limit=} (default 20, 1..100) and {@code ?cursor=} of a list request, validated. */
public record PageRequest(int limit, Cursor after) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public static PageRequest of(Integer limit, String cursor) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw InvalidRequest.of("limit", "must be between 1 and " + MAX_LIMIT);
        }
        Cursor after = cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor);
        return new PageRequest(size, after);
    }

    /** Rows to fetch: one more than the page, to know whether another page follows. */
    public int fetchSize() {
        return limit + 1;
    }

    /** Builds the page from {@link #fetchSize()} rows; {@code position} gives each row's cursor. */
    public <T> Page<T> page(List<T> rows, Function<T, Cursor> position) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<T> items = rows.subList(0, limit);
        return new Page<>(
                List.copyOf(items), position.apply(items.get(limit - 1)).encode());
    }
}
