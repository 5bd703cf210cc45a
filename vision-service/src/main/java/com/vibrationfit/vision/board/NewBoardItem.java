package com.vibrationfit.vision.board;

import com.vibrationfit.events.LifeCategory;
import com.vibrationfit.platform.media.MediaUrls;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Body of {@code POST /api/v1/vision-board/items}. */
public record NewBoardItem(
        @NotBlank @Size(max = BoardItem.NAME_MAX_LENGTH) String name,
        @Size(max = BoardItem.DESCRIPTION_MAX_LENGTH) String description,
        @Size(max = MediaUrls.MAX_LENGTH) String imageUrl,
        @Size(max = BoardItem.MAX_CATEGORIES) List<@NotNull LifeCategory> categories,
        BoardItemStatus status) {}
