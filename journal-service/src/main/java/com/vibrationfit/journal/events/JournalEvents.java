package com.vibrationfit.journal.events;

import com.vibrationfit.events.EventType;
import com.vibrationfit.events.JournalEntryChanged;
import com.vibrationfit.events.Topics;
import com.vibrationfit.journal.entry.JournalEntry;
import com.vibrationfit.platform.media.MediaReferenceAnnouncer;
import com.vibrationfit.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * What journal-service tells the platform, recorded in the outbox of the changing transaction. Every
 * change of an entry also announces the full set of media it references ({@code media.references.changed},
 * entity type {@value #JOURNAL_ENTRY}): media-service keeps an object while any entity references it.
 * Callers hold the entry's row lock (or just inserted it), which orders the announcements of one entry.
 */
@ApplicationScoped
public class JournalEvents {

    public static final String JOURNAL_ENTRY = "journal_entry";

    @Inject
    Outbox outbox;

    @Inject
    MediaReferenceAnnouncer mediaReferences;

    public void created(JournalEntry entry, List<String> mediaUrls) {
        outbox.record(
                Topics.JOURNAL,
                EventType.JOURNAL_ENTRY_CREATED,
                entry.userId,
                new JournalEntryChanged(entry.id, entry.userId, entry.date, entry.categories, mediaUrls, List.of()));
        mediaReferences.references(Topics.JOURNAL, JOURNAL_ENTRY, entry.id, entry.userId, mediaUrls);
    }

    public void updated(JournalEntry entry, List<String> before, List<String> after) {
        List<String> removed = new ArrayList<>(before);
        removed.removeAll(after);
        outbox.record(
                Topics.JOURNAL,
                EventType.JOURNAL_ENTRY_UPDATED,
                entry.userId,
                new JournalEntryChanged(entry.id, entry.userId, entry.date, entry.categories, after, removed));
        mediaReferences.references(Topics.JOURNAL, JOURNAL_ENTRY, entry.id, entry.userId, after);
    }

    /** {@code journal.entry.deleted} still lists the media the entry referenced, for its other consumers. */
    public void deleted(JournalEntry entry, List<String> mediaUrls) {
        outbox.record(
                Topics.JOURNAL,
                EventType.JOURNAL_ENTRY_DELETED,
                entry.userId,
                new JournalEntryChanged(entry.id, entry.userId, entry.date, entry.categories, mediaUrls, mediaUrls));
        mediaReferences.deleted(Topics.JOURNAL, JOURNAL_ENTRY, entry.id, entry.userId);
    }
}
