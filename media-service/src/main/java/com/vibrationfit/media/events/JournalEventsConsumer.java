package com.vibrationfit.media.events;

import com.vibrationfit.events.EventType;
import com.vibrationfit.events.JournalEntryChanged;
import com.vibrationfit.media.objects.MediaReferences;
import com.vibrationfit.platform.inbox.EventHandlers;
import com.vibrationfit.platform.inbox.Inbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** {@code journal.events}: photos and recordings no journal entry references any more are deleted. */
@ApplicationScoped
public class JournalEventsConsumer {

    private static final String JOURNAL_ENTRY = "journal_entry";

    @Inject
    Inbox inbox;

    @Inject
    MediaReferences references;

    private final EventHandlers handlers = EventHandlers.forConsumer("media-service.journal-events")
            .on(EventType.JOURNAL_ENTRY_CREATED, JournalEntryChanged.class, this::referenced)
            .on(EventType.JOURNAL_ENTRY_UPDATED, JournalEntryChanged.class, this::referenced)
            .on(EventType.JOURNAL_ENTRY_DELETED, JournalEntryChanged.class, e -> references.replace(JOURNAL_ENTRY,
                    e.entryId(), e.userId(), List.of(), e.mediaUrls()));

    @Incoming("journal-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.handle(record, handlers);
    }

    private void referenced(JournalEntryChanged entry) {
        references.replace(JOURNAL_ENTRY, entry.entryId(), entry.userId(), entry.mediaUrls(), entry.removedMediaUrls());
    }
}
