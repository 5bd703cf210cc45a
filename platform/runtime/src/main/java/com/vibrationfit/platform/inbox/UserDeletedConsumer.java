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
 * the service once, in one transaction under the system context. A service configures the
 * {@code identity-events} channel (topic, group, dead-letter topic) and provides its purgers.
 */
@ApplicationScoped
public class UserDeletedConsumer {

    private static final Logger LOG = Logger.getLogger(UserDeletedConsumer.class);

    @Inject
    Inbox inbox;

    @Inject
    Instance<UserDataPurger> purgers;

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
        purgers.forEach(purger -> purger.purge(user.userId()));
        LOG.infof("user %s deleted: purged by %d purger(s)", user.userId(), purgers.stream().count());
    }
}
