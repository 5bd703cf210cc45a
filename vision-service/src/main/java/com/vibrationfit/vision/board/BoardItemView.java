package com.vibrationfit.vision.board;

import com.vibrationfit.platform.media.MediaLinks;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A board item as the API returns it: the columns of {@code vision_board_items}, snake_case, and the link of its
 * image ({@code image_link}; see {@link MediaLinks}).
 */
public record BoardItemView(
        UUID id,
        UUID userId,
        String name,
        String description,

        @Schema(description = "media_url of the item's image (what you store and send back)")
        String imageUrl,

        @Schema(description = "Link of image_url. " + MediaLinks.ABOUT_LINKS)
        String imageLink,

        List<String> categories,
        String status,
        Instant actualizedAt,
        Instant createdAt,
        Instant updatedAt) {

    public static BoardItemView of(BoardItem item, MediaLinks links) {
        return new BoardItemView(
                item.id,
                item.userId,
                item.name,
                item.description,
                item.imageUrl,
                links.link(item.imageUrl),
                item.categoryList(),
                item.status,
                item.actualizedAt,
                item.createdAt,
                item.updatedAt);
    }
}
