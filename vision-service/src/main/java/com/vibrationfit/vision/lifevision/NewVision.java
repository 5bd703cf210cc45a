package com.vibrationfit.vision.lifevision;

import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/visions}; both fields optional. */
public record NewVision(
        @Size(max = 200) @Schema(description = "Title of the new version", maxLength = 200)
        String title,

        @Schema(description = "Start from the sections of this earlier version of yours")
        UUID copyFrom) {}
