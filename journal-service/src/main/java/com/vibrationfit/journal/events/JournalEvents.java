package com.vibrationfit.journal.events;

import com.vibrationfit.events.EventType;
import com.vibrationfit.events.JournalEntryChanged;
import com.vibrationfit.events.Topics;
import com.vibrationfit.journal.entry.JournalEntry;
import com.vibrationfit.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/** What journal-service tells the platform, recorded in the outbox of the changing transaction. */
@ApplicationScoped
public class JournalEvents {

    @Inject
    Outbox outbox;

    public void created(JournalEntry entry, List<String> mediaUrls) {
        outbox.record(Topics.JOURNAL, EventType.JOURNAL_ENTRY_CREATED, entry.userId, new JournalEntryChanged(entry.id,
                entry.userId, entry.date, entry.categories, mediaUrls, List.of()));
    }

    public void updated(JournalEntry entry, List<String> before, List<String> after) {
        List<String> removed = new ArrayList<>(before);
        removed.removeAll(after);
        outbox.record(Topics.JOURNAL, EventType.JOURNAL_ENTRY_UPDATED, entry.userId, new JournalEntryChanged(entry.id,
                entry.userId, entry.date, entry.categories, after, removed));
    }

    /** Carries the media the entry referenced, so media-service can delete what nothing references now. */
    public void deleted(JournalEntry entry, List<String> mediaUrls) {
        outbox.record(Topics.JOURNAL, EventType.JOURNAL_ENTRY_DELETED, entry.userId, new JournalEntryChanged(entry.id,
                entry.userId, entry.date, entry.categories, mediaUrls, mediaUrls));
    }
}
