package com.vibrationfit.vision.board;

import com.vibrationfit.events.LifeCategory;
import com.vibrationfit.platform.media.MediaUrls;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Body of {@code PATCH /api/v1/vision-board/items/{id}}: absent (or null) fields stay as they are;
 * an empty string clears description or image_url.
 */
public record BoardItemChanges(
        @Size(max = BoardItem.NAME_MAX_LENGTH) @Pattern(regexp = "[\\s\\S]*\\S[\\s\\S]*", message = "must not be blank")
        String name,

        @Size(max = BoardItem.DESCRIPTION_MAX_LENGTH) String description,
        @Size(max = MediaUrls.MAX_LENGTH) String imageUrl,
        @Size(max = BoardItem.MAX_CATEGORIES) List<@NotNull LifeCategory> categories,
        BoardItemStatus status) {}
