package com.vibrationfit.vision.lifevision;

import static com.vibrationfit.vision.lifevision.VisionSection.MAX_LENGTH;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A vision as the API returns it: the columns of {@code vision_versions}, snake_case. Its texts are bounded by what a
 * write may store ({@link NewVision}, {@link VisionChanges}).
 */
public record VisionView(
        UUID id,
        UUID userId,
        @Schema(maxLength = Vision.TITLE_MAX_LENGTH) String title,
        int versionNumber,
        @Schema(maxLength = MAX_LENGTH) String forward,
        @Schema(maxLength = MAX_LENGTH) String fun,
        @Schema(maxLength = MAX_LENGTH) String travel,
        @Schema(maxLength = MAX_LENGTH) String home,
        @Schema(maxLength = MAX_LENGTH) String family,
        @Schema(maxLength = MAX_LENGTH) String romance,
        @Schema(maxLength = MAX_LENGTH) String health,
        @Schema(maxLength = MAX_LENGTH) String money,
        @Schema(maxLength = MAX_LENGTH) String business,
        @Schema(maxLength = MAX_LENGTH) String social,
        @Schema(maxLength = MAX_LENGTH) String possessions,
        @Schema(maxLength = MAX_LENGTH) String giving,
        @Schema(maxLength = MAX_LENGTH) String spirituality,
        @Schema(maxLength = MAX_LENGTH) String conclusion,

        @Schema(enumeration = {Vision.DRAFT, Vision.COMPLETE})
        String status,

        @Schema(description = "whether this is the member's active version (see POST /visions/{id}/activate)")
        boolean isActive,

        @Schema(minimum = "0", maximum = "100") int completionPercentage,
        Instant lastAudioGeneratedAt,
        Instant createdAt,
        Instant updatedAt) {

    public static VisionView of(Vision v) {
        return new VisionView(
                v.id,
                v.userId,
                v.title,
                v.versionNumber,
                v.forward,
                v.fun,
                v.travel,
                v.home,
                v.family,
                v.romance,
                v.health,
                v.money,
                v.business,
                v.social,
                v.possessions,
                v.giving,
                v.spirituality,
                v.conclusion,
                v.status,
                v.isActive,
                v.completionPercentage,
                v.lastAudioGeneratedAt,
                v.createdAt,
                v.updatedAt);
    }
}
