package com.vibrationfit.vision.board;

import com.vibrationfit.events.LifeCategory;
import com.vibrationfit.platform.media.MediaLinks;
import com.vibrationfit.platform.media.MediaUrls;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A board item as the API returns it: the columns of {@code vision_board_items}, snake_case, and the link of its
 * image ({@code image_link}; see {@link MediaLinks}).
 */
public record BoardItemView(
        UUID id,
        UUID userId,
        @Schema(maxLength = BoardItem.NAME_MAX_LENGTH) String name,

        @Schema(maxLength = BoardItem.DESCRIPTION_MAX_LENGTH)
        String description,

        @Schema(
                description = "media_url of the item's image (what you store and send back)",
                maxLength = MediaUrls.MAX_LENGTH)
        String imageUrl,

        @Schema(description = "Link of image_url. " + MediaLinks.ABOUT_LINKS, maxLength = MediaLinks.MAX_LENGTH)
        String imageLink,

        @Schema(type = SchemaType.ARRAY, implementation = LifeCategory.class, maxItems = BoardItem.MAX_CATEGORIES)
        List<String> categories,

        BoardItemStatus status,
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
                BoardItemStatus.of(item.status),
                item.actualizedAt,
                item.createdAt,
                item.updatedAt);
    }
}
