package com.vibrationfit.vision.board;

import com.vibrationfit.events.LifeCategory;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Body of {@code POST /api/v1/vision-board/items}. */
public record NewBoardItem(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 5000) String description,
        @Size(max = 2048) String imageUrl,
        @Size(max = 12) List<@NotNull LifeCategory> categories,
        BoardItemStatus status) {}
