package com.vibrationfit.platform.paging;

import java.util.List;
import java.util.function.Function;

/** A page of a list: {@code {"items": [...], "next_cursor": "..."|null}}. */
public record Page<T>(List<T> items, String nextCursor) {

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextCursor);
    }
}
