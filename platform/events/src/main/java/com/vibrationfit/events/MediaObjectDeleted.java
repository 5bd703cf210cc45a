package com.vibrationfit.events;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.UUID;

/** {@code media.object.deleted}: the object and its bytes are gone; references to it are dangling. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record MediaObjectDeleted(UUID objectId, UUID userId, String key, String mediaUrl) {}
