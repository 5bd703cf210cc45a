package com.vibrationfit.vision.lifevision;

import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/visions}; both fields optional. */
public record NewVision(
        @Size(max = Vision.TITLE_MAX_LENGTH) @Schema(description = "Title of the new version")
        String title,

        @Schema(description = "Start from the sections of this earlier version of yours")
        UUID copyFrom) {}
