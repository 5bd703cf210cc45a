package com.vibrationfit.assessment.events;

import com.vibrationfit.assessment.profile.MemberProfiles;
import com.vibrationfit.events.EventType;
import com.vibrationfit.events.ProfileCommitted;
import com.vibrationfit.events.ProfileVersionChanged;
import com.vibrationfit.platform.inbox.EventConsumer;
import com.vibrationfit.platform.inbox.EventHandlers;
import com.vibrationfit.platform.inbox.Inbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** {@code profile.events}: the members' profile versions and committed answers (see {@link MemberProfiles}). */
@ApplicationScoped
public class ProfileEventsConsumer implements EventConsumer {

    @Inject
    Inbox inbox;

    @Inject
    MemberProfiles profiles;

    private final EventHandlers handlers = EventHandlers.forConsumer("assessment-service.profile-events")
            .on(EventType.PROFILE_VERSION_CREATED, ProfileVersionChanged.class, v -> profiles.versionCreated(v))
            .on(EventType.PROFILE_VERSION_DELETED, ProfileVersionChanged.class, v -> profiles.versionDeleted(v))
            .on(EventType.PROFILE_VERSION_COMMITTED, ProfileCommitted.class, c -> profiles.committed(c));

    @Override
    @Incoming("profile-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.handle(record, handlers);
    }
}
