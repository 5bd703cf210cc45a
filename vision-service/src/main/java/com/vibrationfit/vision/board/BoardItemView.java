package com.vibrationfit.vision.board;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A board item as the API returns it: the columns of {@code vision_board_items}, snake_case. */
public record BoardItemView(
        UUID id,
        UUID userId,
        String name,
        String description,
        String imageUrl,
        List<String> categories,
        String status,
        Instant actualizedAt,
        Instant createdAt,
        Instant updatedAt) {

    public static BoardItemView of(BoardItem item) {
        return new BoardItemView(
                item.id,
                item.userId,
                item.name,
                item.description,
                item.imageUrl,
                item.categoryList(),
                item.status,
                item.actualizedAt,
                item.createdAt,
                item.updatedAt);
    }
}
