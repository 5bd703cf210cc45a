package com.vibrationfit.media.events;

import com.vibrationfit.events.EventType;
import com.vibrationfit.events.UserDeleted;
import com.vibrationfit.media.narration.NarrationRepository;
import com.vibrationfit.media.objects.MediaObjectRepository;
import com.vibrationfit.media.objects.MediaReferences;
import com.vibrationfit.media.objects.ObjectStorage;
import com.vibrationfit.platform.inbox.EventHandlers;
import com.vibrationfit.platform.inbox.Inbox;
import com.vibrationfit.platform.inbox.PoisonEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/** {@code identity.events}: a deleted account leaves no row and no object behind. */
@ApplicationScoped
public class IdentityEventsConsumer {

    private static final Logger LOG = Logger.getLogger(IdentityEventsConsumer.class);

    @Inject
    Inbox inbox;

    @Inject
    NarrationRepository tracks;

    @Inject
    MediaObjectRepository objects;

    @Inject
    ObjectStorage storage;

    @Inject
    MediaReferences references;

    private final EventHandlers handlers = EventHandlers.forConsumer("media-service.identity-events")
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
        long trackRows = tracks.deleteUser(user.userId());
        long objectRows = objects.deleteAllOf(user.userId());
        references.deleteAllOf(user.userId());
        // Objects go last: if S3 fails the rows come back with the rollback and the event is retried.
        int deleted = storage.deletePrefix("users/" + user.userId() + "/");
        LOG.infof("user %s deleted: %d tracks, %d media objects, %d S3 objects removed", user.userId(), trackRows,
                objectRows, deleted);
    }
}
