package com.vibrationfit.vision.lifevision;

import java.time.Instant;
import java.util.UUID;

/** A vision as the API returns it: the columns of {@code vision_versions}, snake_case. */
public record VisionView(
        UUID id,
        UUID userId,
        String title,
        int versionNumber,
        String forward,
        String fun,
        String travel,
        String home,
        String family,
        String romance,
        String health,
        String money,
        String business,
        String social,
        String possessions,
        String giving,
        String spirituality,
        String conclusion,
        String status,
        int completionPercentage,
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
                v.completionPercentage,
                v.lastAudioGeneratedAt,
                v.createdAt,
                v.updatedAt);
    }
}
