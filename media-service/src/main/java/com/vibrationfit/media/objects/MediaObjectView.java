package com.vibrationfit.media.objects;

import com.vibrationfit.platform.media.MediaLinks;
import com.vibrationfit.platform.media.MediaUrls;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Metadata of an object; {@code download_url} is a short-lived presigned GET (null until uploaded). */
@Schema(name = "MediaObject")
public record MediaObjectView(
        UUID id,
        UUID userId,
        @Schema(maxLength = MediaObject.KEY_MAX_LENGTH) String key,
        UploadPurpose purpose,

        @Schema(maxLength = UploadPurpose.CONTENT_TYPE_MAX_LENGTH)
        String contentType,

        long sizeBytes,

        @Schema(enumeration = {MediaObject.PENDING, MediaObject.UPLOADED})
        String state,

        @Schema(description = "what to store in other services", maxLength = MediaUrls.MAX_LENGTH)
        String mediaUrl,

        @Schema(
                description = "A short-lived presigned GET once uploaded; read the object again for a fresh one",
                maxLength = MediaLinks.MAX_LENGTH,
                nullable = true)
        String downloadUrl,

        Instant createdAt,
        Instant uploadedAt) {}
