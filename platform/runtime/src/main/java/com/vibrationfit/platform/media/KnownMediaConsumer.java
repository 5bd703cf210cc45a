package com.vibrationfit.platform.media;

import com.vibrationfit.platform.inbox.EventConsumer;
import com.vibrationfit.platform.inbox.EventHandlers;
import com.vibrationfit.platform.inbox.Inbox;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * {@code media.events} into the {@link KnownMedia} projection, for a service that sets
 * {@code vf.media.known-media=true} (a build property) and configures the {@code media-events} channel.
 * Inbox entries are named {@code <application name>.media-events}.
 */
@ApplicationScoped
@IfBuildProperty(name = "vf.media.known-media", stringValue = "true")
public class KnownMediaConsumer implements EventConsumer {

    @Inject
    Inbox inbox;

    @Inject
    KnownMedia media;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    private EventHandlers handlers;

    @PostConstruct
    void init() {
        handlers = media.handlers(service + ".media-events");
    }

    @Override
    @Incoming("media-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.handle(record, handlers);
    }
}
