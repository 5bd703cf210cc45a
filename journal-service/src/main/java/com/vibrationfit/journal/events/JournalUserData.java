package com.vibrationfit.journal.events;

import com.vibrationfit.journal.entry.JournalEntryRepository;
import com.vibrationfit.platform.export.ExportPart;
import com.vibrationfit.platform.export.UserDataExporter;
import com.vibrationfit.platform.inbox.UserDataPurger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/** A deleted account takes all its journal entries with it (KnownMediaPurger forgets their uploads). */
@ApplicationScoped
public class JournalUserData implements UserDataPurger, UserDataExporter {

    @Inject
    JournalEntryRepository entries;

    @Override
    public void purge(UUID userId) {
        entries.delete("userId", userId);
    }

    /** Every journal entry (without the search index PostgreSQL derives); photos and recordings come with media-service's part. */
    @Override
    public void export(UUID userId, ExportPart part) {
        part.rows("journal_entries", """
                select id, user_id, date, title, content, categories, image_urls, audio_recordings, created_at, updated_at
                from journal_entries where user_id = ?1 order by date, created_at""");
    }
}
