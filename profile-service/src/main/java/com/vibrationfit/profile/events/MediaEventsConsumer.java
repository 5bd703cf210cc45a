package com.vibrationfit.profile.events;

import com.vibrationfit.platform.inbox.EventConsumer;
import com.vibrationfit.platform.inbox.EventHandlers;
import com.vibrationfit.platform.inbox.Inbox;
import com.vibrationfit.platform.media.KnownMedia;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** {@code media.events}: which uploaded objects exist, so profiles reference only real ones. */
@ApplicationScoped
public class MediaEventsConsumer implements EventConsumer {

    @Inject
    Inbox inbox;

    @Inject
    KnownMedia media;

    private EventHandlers handlers;

    @PostConstruct
    void init() {
        handlers = media.handlers("profile-service.media-events");
    }

    @Override
    @Incoming("media-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.handle(record, handlers);
    }
}
