package com.vibrationfit.vision.board;

import com.vibrationfit.events.LifeCategory;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Body of {@code PATCH /api/v1/vision-board/items/{id}}: absent (or null) fields stay as they are;
 * an empty string clears description or image_url.
 */
public record BoardItemChanges(
        @Size(max = 200) @Pattern(regexp = "[\\s\\S]*\\S[\\s\\S]*", message = "must not be blank")
        String name,

        @Size(max = 5000) String description,
        @Size(max = 2048) String imageUrl,
        @Size(max = 12) List<@NotNull LifeCategory> categories,
        BoardItemStatus status) {}
