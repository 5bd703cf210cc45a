package com.vibrationfit.aiusage.events;

import com.vibrationfit.aiusage.member.MemberContexts;
import com.vibrationfit.events.EventType;
import com.vibrationfit.events.ProfileCommitted;
import com.vibrationfit.platform.inbox.EventConsumer;
import com.vibrationfit.platform.inbox.EventHandlers;
import com.vibrationfit.platform.inbox.Inbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** {@code profile.events}: the member's committed profile, for VIVA's context ({@link MemberContexts}). */
@ApplicationScoped
public class ProfileEventsConsumer implements EventConsumer {

    @Inject
    Inbox inbox;

    @Inject
    MemberContexts contexts;

    private final EventHandlers handlers = EventHandlers.forConsumer("ai-usage-service.profile-events")
            .on(EventType.PROFILE_VERSION_COMMITTED, ProfileCommitted.class, c -> contexts.profileCommitted(c));

    @Override
    @Incoming("profile-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.handle(record, handlers);
    }
}
