package com.vibrationfit.platform.inbox;

import com.vibrationfit.events.EventType;
import com.vibrationfit.events.UserDeleted;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * {@code identity.events} in every service: {@code user.deleted} runs each {@link UserDataPurger} of
 * the service once, in one transaction under the system context, remembers the member as deleted
 * (later events about them change nothing) and removes their events from the outbox. A service configures the
 * {@code identity-events} channel (topic, group, dead-letter topic) and provides its purgers.
 */
@ApplicationScoped
public class UserDeletedConsumer implements EventConsumer {

    private static final Logger LOG = Logger.getLogger(UserDeletedConsumer.class);

    @Inject
    Inbox inbox;

    @Inject
    Instance<UserDataPurger> purgers;

    @Inject
    DeletedMembers deletedMembers;

    private final EventHandlers handlers;

    @Inject
    UserDeletedConsumer(@ConfigProperty(name = "quarkus.application.name") String service) {
        this.handlers = EventHandlers.forConsumer(service + ".identity-events")
                .on(EventType.USER_DELETED, UserDeleted.class, this::purge);
    }

    @Incoming("identity-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
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
        LOG.infof("user %s deleted: purged by %d purger(s)", user.userId(), purgers.stream().count());
    }
}
