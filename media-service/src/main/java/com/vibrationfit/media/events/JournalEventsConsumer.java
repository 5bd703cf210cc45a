package com.vibrationfit.media.events;

import com.vibrationfit.events.EventType;
import com.vibrationfit.events.MediaReferencesChanged;
import com.vibrationfit.media.objects.MediaReferences;
import com.vibrationfit.platform.inbox.EventConsumer;
import com.vibrationfit.platform.inbox.EventHandlers;
import com.vibrationfit.platform.inbox.Inbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * {@code journal.events}: the media each journal entry references ({@code media.references.changed}), one
 * input of "an object is deleted only when nothing references it" (see {@link MediaReferences}).
 */
@ApplicationScoped
public class JournalEventsConsumer implements EventConsumer {

    /** Whose entities these are: references are tracked per announcing service. */
    static final String JOURNAL_SERVICE = "journal-service";

    @Inject
    Inbox inbox;

    @Inject
    MediaReferences references;

    private final EventHandlers handlers = EventHandlers.forConsumer("media-service.journal-events")
            .on(
                    EventType.MEDIA_REFERENCES_CHANGED,
                    MediaReferencesChanged.class,
                    change -> references.apply(JOURNAL_SERVICE, change));

    @Override
    @Incoming("journal-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.handle(record, handlers);
    }
}
