package com.vibrationfit.vision.board;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Vision board items counted by status, every status listed (zero when none). */
public record BoardStats(
        @Schema(description = "one per status", maxItems = BoardItemStatus.COUNT)
        List<StatusCount> statuses,

        long total) {

    public record StatusCount(BoardItemStatus status, long count) {}

    public static BoardStats of(Map<String, Long> counts) {
        List<StatusCount> statuses = counts.entrySet().stream()
                .map(e -> new StatusCount(BoardItemStatus.of(e.getKey()), e.getValue()))
                .toList();
        return new BoardStats(
                statuses, statuses.stream().mapToLong(StatusCount::count).sum());
    }
}
