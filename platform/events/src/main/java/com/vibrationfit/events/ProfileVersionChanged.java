package com.vibrationfit.events;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.UUID;

/**
 * {@code profile.version.created}, {@code profile.version.updated} and {@code profile.version.deleted}: one
 * version of a member's profile, where it stands ({@code is_draft}, {@code is_active}), and the media it
 * references now ({@code media_urls}; empty once deleted) and no longer ({@code removed_media_urls}).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ProfileVersionChanged(
        UUID profileId,
        UUID userId,
        int versionNumber,
        boolean isDraft,
        boolean isActive,
        UUID parentVersionId,
        int completionPercentage,
        List<String> mediaUrls,
        List<String> removedMediaUrls) {}
