package com.vibrationfit.profile.account;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The identity provider's admin side, as far as accounts need it (profile-service is its only caller). */
public interface IdentityProvider {

    /** Deletes the user: true when it was deleted now, false when there was no such user (already gone). */
    boolean deleteUser(UUID userId);

    /** Users deleted at or after {@code from} (in its console or through its admin API), oldest first. */
    List<UserGone> deletedSince(Instant from);

    record UserGone(UUID userId, Instant at) {}

    /** The provider could not be reached or failed: try again later. */
    class Unavailable extends RuntimeException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
