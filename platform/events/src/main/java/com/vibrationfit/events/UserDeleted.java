package com.vibrationfit.events;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code user.deleted} on {@code identity.events}: the account is gone. Replaces the original
 * Supabase schema's {@code ON DELETE CASCADE} from {@code auth.users}: every service purges the user's rows.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record UserDeleted(UUID userId, Instant deletedAt) {}
