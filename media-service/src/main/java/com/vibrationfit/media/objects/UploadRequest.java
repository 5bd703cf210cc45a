package com.vibrationfit.media.objects;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** Body of {@code POST /api/v1/media/uploads}: what the client is about to upload. */
public record UploadRequest(@NotNull UploadPurpose purpose, @NotBlank String contentType, @NotNull @Positive Long sizeBytes) {
}
