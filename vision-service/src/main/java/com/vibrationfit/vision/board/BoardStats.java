package com.vibrationfit.vision.board;

import java.util.List;
import java.util.Map;

/** Vision board items counted by status, every status listed (zero when none). */
public record BoardStats(List<StatusCount> statuses, long total) {

    public record StatusCount(String status, long count) {}

    public static BoardStats of(Map<String, Long> counts) {
        List<StatusCount> statuses = counts.entrySet().stream()
                .map(e -> new StatusCount(e.getKey(), e.getValue()))
                .toList();
        return new BoardStats(
                statuses, statuses.stream().mapToLong(StatusCount::count).sum());
    }
}
