package com.vibrationfit.vision.events;

import com.vibrationfit.events.EventType;
import com.vibrationfit.events.UserDeleted;
import com.vibrationfit.platform.inbox.EventHandlers;
import com.vibrationfit.platform.inbox.Inbox;
import com.vibrationfit.platform.inbox.PoisonEvent;
import com.vibrationfit.vision.board.BoardItemRepository;
import com.vibrationfit.vision.vision.VisionRepository;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/** {@code identity.events}: a deleted account takes all its visions and board items with it. */
@ApplicationScoped
public class IdentityEventsConsumer {

    private static final Logger LOG = Logger.getLogger(IdentityEventsConsumer.class);

    @Inject
    Inbox inbox;

    @Inject
    VisionRepository visions;

    @Inject
    BoardItemRepository boardItems;

    private final EventHandlers handlers = EventHandlers.forConsumer("vision-service.identity-events")
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
        long items = boardItems.deleteAllOf(user.userId());
        long versions = visions.deleteAllOf(user.userId());
        LOG.infof("user %s deleted: removed %d visions and %d board items", user.userId(), versions, items);
    }
}
