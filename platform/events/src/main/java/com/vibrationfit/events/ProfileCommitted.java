package com.vibrationfit.events;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Map;
import java.util.UUID;

/**
 * {@code profile.version.committed}: the member's committed (active) profile is now this version, with
 * these answers. Published whenever it changes: a draft committed, an earlier version activated, the
 * first save, and an in-place edit of the active version. Consumers keep the latest per member (events of
 * one member are ordered: the key is the member's id).
 *
 * <p>{@code reason} is {@code commit}, {@code activate}, {@code create} or {@code edit}. The answers other
 * services branch on are named fields ({@code in_relationship} and {@code has_children} follow the rule
 * profile-service documents); {@code in_relationship} is null while {@code relationship_status} is unanswered. {@code profile} holds every member-written field by its column name, for
 * VIVA's context (media URLs and bookkeeping left out).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ProfileCommitted(
        UUID profileId,
        UUID userId,
        int versionNumber,
        UUID previousActiveId,
        String reason,
        String relationshipStatus,
        Boolean inRelationship,
        boolean hasChildren,
        Integer numberOfChildren,
        String employmentType,
        int completionPercentage,
        Map<String, Object> profile) {}
