package com.vibrationfit.vision.events;

import com.vibrationfit.events.EventType;
import com.vibrationfit.events.UserDeleted;
import com.vibrationfit.platform.inbox.CloudEvent;
import com.vibrationfit.platform.inbox.Inbox;
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

    static final String CONSUMER = "vision-service.identity-events";
    private static final Logger LOG = Logger.getLogger(IdentityEventsConsumer.class);

    @Inject
    Inbox inbox;

    @Inject
    VisionRepository visions;

    @Inject
    BoardItemRepository boardItems;

    @Incoming("identity-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        CloudEvent event = CloudEvent.from(record);
        if (!EventType.USER_DELETED.equals(event.type())) {
            return;
        }
        UserDeleted deleted = inbox.data(event, UserDeleted.class);
        inbox.applyOnce(CONSUMER, event, deleted, user -> {
            long items = boardItems.deleteAllOf(user.userId());
            long versions = visions.deleteAllOf(user.userId());
            LOG.infof("user %s deleted: removed %d visions and %d board items", user.userId(), versions, items);
        });
    }
}
