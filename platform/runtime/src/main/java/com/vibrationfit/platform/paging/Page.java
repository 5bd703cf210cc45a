package com.vibrationfit.platform.paging;

import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of a list: {@code {"items": [...], "next_cursor": "..."|null}}. */
public record Page<T>(
        @Schema(maxItems = PageRequest.MAX_LIMIT, description = "at most the requested limit")
        List<T> items,

        @Schema(
                maxLength = Cursor.MAX_LENGTH,
                nullable = true,
                description = "opaque; pass it as cursor for the next page")
        String nextCursor) {

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextCursor);
    }
}
