package com.vibrationfit.events;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code media.references.changed}, on the announcing service's own topic: the FULL set of media URLs one
 * entity ({@code entity_type}, {@code entity_id}) references now; empty and {@code deleted} once the entity
 * is gone. A full set, not a difference, so applying the newest one is enough whatever came before.
 * {@code version} grows with every change of the same entity (drawn while the entity's row is locked), so
 * media-service ignores an older update arriving after a newer one; {@code changed_at} is for people.
 * Sent through the outbox by platform {@code MediaReferenceAnnouncer}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record MediaReferencesChanged(
        String entityType,
        UUID entityId,
        UUID userId,
        List<String> mediaUrls,
        boolean deleted,
        long version,
        Instant changedAt) {}
