package com.vibrationfit.platform.inbox;

import com.vibrationfit.events.EventType;
import com.vibrationfit.events.UserDeleted;
import com.vibrationfit.events.UserExportPartReady;
import com.vibrationfit.events.UserExportRequested;
import com.vibrationfit.platform.export.ExportPartListener;
import com.vibrationfit.platform.export.ExportPartWriter;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * {@code identity.events} in every service. {@code user.deleted} runs each {@link UserDataPurger} of the
 * service once, in one transaction under the system context, remembers the member as deleted (later events
 * about them change nothing) and removes their events from the outbox. {@code user.export.requested} writes
 * the service's part of the export from its {@link com.vibrationfit.platform.export.UserDataExporter}s.
 * Parts are announced on {@code export.parts}; one announced on {@code identity.events} by a service of the
 * release before (a rolling update) still reaches the service that assembles exports, if this is it. A service
 * configures the {@code identity-events} channel (topic, group, dead-letter topic) and provides its purgers
 * and exporters.
 */
@ApplicationScoped
public class IdentityEventsConsumer implements EventConsumer {

    private static final Logger LOG = Logger.getLogger(IdentityEventsConsumer.class);

    @Inject
    Inbox inbox;

    @Inject
    Instance<UserDataPurger> purgers;

    @Inject
    DeletedMembers deletedMembers;

    @Inject
    ExportPartWriter exportParts;

    private final EventHandlers handlers;

    @Inject
    IdentityEventsConsumer(
            @ConfigProperty(name = "quarkus.application.name") String service,
            Instance<ExportPartListener> assemblers) {
        this.handlers = EventHandlers.forConsumer(service + ".identity-events")
                .on(EventType.USER_DELETED, UserDeleted.class, this::purge);
        if (assemblers.isResolvable()) {
            // Only the assembling service records these in its inbox; elsewhere they pass untouched. Announced
            // here only by the release before export.parts.
            ExportPartListener assembler = assemblers.get();
            handlers.on(EventType.USER_EXPORT_PART_READY, UserExportPartReady.class, assembler::partReady);
        }
    }

    @Incoming("identity-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        CloudEvent event = inbox.deadLetteredIfFailed(handlers.consumer(), () -> CloudEvent.from(record));
        if (EventType.USER_EXPORT_REQUESTED.equals(event.type())) {
            inbox.deadLetteredIfFailed(handlers.consumer(), () -> {
                export(event, inbox.data(event, UserExportRequested.class));
                return true;
            });
            return;
        }
        inbox.handle(record, handlers);
    }

    private void purge(UserDeleted user) {
        if (user.userId() == null) {
            throw new PoisonEvent("user.deleted without user_id");
        }
        // Remembered first, in the same transaction: events about this member still in flight on other
        // topics are ignored from now on (Inbox), so nothing they carry re-creates what is purged here.
        deletedMembers.remember(user.userId());
        purgers.forEach(purger -> purger.purge(user.userId()));
        deletedMembers.forgetOutboxEvents(user.userId());
        LOG.infof(
                "user %s deleted: purged by %d purger(s)",
                user.userId(), purgers.stream().count());
    }

    /**
     * The part is read and streamed to S3 before the inbox transaction (a transaction is never held open for an
     * upload); the transaction then records the event and announces the part.
     */
    private void export(CloudEvent event, UserExportRequested request) {
        if (request.userId() == null || request.exportId() == null) {
            throw new PoisonEvent("user.export.requested without user_id or export_id");
        }
        inbox.applyOnce(
                handlers.consumer(),
                event,
                request,
                exportParts::write,
                (r, part) -> part.ifPresent(p -> exportParts.announce(r, p)));
    }
}
