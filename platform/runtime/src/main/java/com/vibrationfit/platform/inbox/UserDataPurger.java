package com.vibrationfit.platform.inbox;

import java.util.UUID;

/**
 * What a service deletes when an account is deleted (replaces the Supabase ON DELETE CASCADE from auth.users).
 * Implement it as a CDI bean; {@link IdentityEventsConsumer} calls every one in the event's transaction.
 */
public interface UserDataPurger {

    /** Deletes the user's rows (and, after them, anything outside the database such as objects). */
    void purge(UUID userId);
}
