package com.vibrationfit.journal.events;

import com.vibrationfit.journal.entry.JournalEntryRepository;
import com.vibrationfit.platform.inbox.UserDataPurger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/** A deleted account takes all its journal entries with it (KnownMediaPurger forgets their uploads). */
@ApplicationScoped
public class JournalUserData implements UserDataPurger {

    @Inject
    JournalEntryRepository entries;

    @Override
    public void purge(UUID userId) {
        entries.delete("userId", userId);
    }
}
