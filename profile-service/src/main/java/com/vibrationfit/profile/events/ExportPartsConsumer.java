package com.vibrationfit.profile.events;

import com.vibrationfit.events.EventType;
import com.vibrationfit.events.UserExportPartReady;
import com.vibrationfit.platform.inbox.EventConsumer;
import com.vibrationfit.platform.inbox.EventHandlers;
import com.vibrationfit.platform.inbox.Inbox;
import com.vibrationfit.profile.export.AccountExportService;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * {@code export.parts}: every service's part of an account export ({@code user.export.part.ready}), recorded once by
 * {@link AccountExportService}, which assembles the archive when all parts are in. A part of a deleted member is
 * ignored by the inbox like any of their events. On its own topic so that only profile-service may write
 * {@code identity.events}.
 */
@ApplicationScoped
public class ExportPartsConsumer implements EventConsumer {

    @Inject
    Inbox inbox;

    @Inject
    AccountExportService exports;

    private final EventHandlers handlers = EventHandlers.forConsumer("profile-service.export-parts")
            .on(EventType.USER_EXPORT_PART_READY, UserExportPartReady.class, part -> exports.partReady(part));

    @Override
    @Incoming("export-parts")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.handle(record, handlers);
    }
}
