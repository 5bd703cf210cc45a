package com.vibrationfit.journal.events;

import com.vibrationfit.events.EventType;
import com.vibrationfit.events.MediaObjectDeleted;
import com.vibrationfit.events.MediaObjectUploaded;
import com.vibrationfit.journal.media.KnownMedia;
import com.vibrationfit.platform.inbox.EventConsumer;
import com.vibrationfit.platform.inbox.EventHandlers;
import com.vibrationfit.platform.inbox.Inbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** {@code media.events}: which uploaded objects exist, so entries reference only real ones. */
@ApplicationScoped
public class MediaEventsConsumer implements EventConsumer {

    @Inject
    Inbox inbox;

    @Inject
    KnownMedia media;

    private final EventHandlers handlers = EventHandlers.forConsumer("journal-service.media-events")
            .on(EventType.MEDIA_OBJECT_UPLOADED, MediaObjectUploaded.class, o -> media.uploaded(o.mediaUrl(), o.userId(),
                    o.purpose(), o.contentType(), o.uploadedAt()))
            .on(EventType.MEDIA_OBJECT_DELETED, MediaObjectDeleted.class, o -> media.deleted(o.mediaUrl()));

    @Override
    @Incoming("media-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.handle(record, handlers);
    }
}
