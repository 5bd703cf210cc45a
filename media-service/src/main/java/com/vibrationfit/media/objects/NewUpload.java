package com.vibrationfit.media.objects;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/media/uploads}: what the client is about to upload. */
@Schema(name = "UploadRequest")
public record NewUpload(
        @NotNull UploadPurpose purpose,

        @Schema(description = "one the purpose accepts (see the allow-list)")
        @NotBlank
        @Size(max = UploadPurpose.CONTENT_TYPE_MAX_LENGTH)
        String contentType,

        @NotNull @Positive Long sizeBytes) {}
