package com.vibrationfit.journal.events;

import com.vibrationfit.events.EventType;
import com.vibrationfit.events.UserDeleted;
import com.vibrationfit.journal.entry.JournalEntryRepository;
import com.vibrationfit.journal.media.KnownMedia;
import com.vibrationfit.platform.inbox.EventHandlers;
import com.vibrationfit.platform.inbox.Inbox;
import com.vibrationfit.platform.inbox.PoisonEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** {@code identity.events}: a deleted account takes all its journal entries with it. */
@ApplicationScoped
public class IdentityEventsConsumer {

    @Inject
    Inbox inbox;

    @Inject
    JournalEntryRepository entries;

    @Inject
    KnownMedia media;

    private final EventHandlers handlers = EventHandlers.forConsumer("journal-service.identity-events")
            .on(EventType.USER_DELETED, UserDeleted.class, this::purge);

    @Incoming("identity-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.handle(record, handlers);
    }

    private void purge(UserDeleted user) {
        if (user.userId() == null) {
            throw new PoisonEvent("user.deleted without user_id");
        }
        entries.delete("userId", user.userId());
        media.deleteAllOf(user.userId());
    }
}
