package com.vibrationfit.aiusage.events;

import com.vibrationfit.aiusage.member.MemberContexts;
import com.vibrationfit.events.EventType;
import com.vibrationfit.events.VisionActivated;
import com.vibrationfit.events.VisionCompleted;
import com.vibrationfit.events.VisionCreated;
import com.vibrationfit.events.VisionDeleted;
import com.vibrationfit.events.VisionUpdated;
import com.vibrationfit.platform.inbox.EventConsumer;
import com.vibrationfit.platform.inbox.EventHandlers;
import com.vibrationfit.platform.inbox.Inbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * {@code vision.events}: every vision version with its sections and which one is active, for VIVA's context
 * ({@link MemberContexts}).
 */
@ApplicationScoped
public class VisionEventsConsumer implements EventConsumer {

    @Inject
    Inbox inbox;

    @Inject
    MemberContexts contexts;

    private final EventHandlers handlers = EventHandlers.forConsumer("ai-usage-service.vision-events")
            .on(
                    EventType.VISION_CREATED,
                    VisionCreated.class,
                    (v, event) -> contexts.visionChanged(
                            v.visionId(),
                            v.userId(),
                            v.versionNumber(),
                            v.status(),
                            v.title(),
                            v.sections(),
                            event.time()))
            .on(
                    EventType.VISION_UPDATED,
                    VisionUpdated.class,
                    (v, event) -> contexts.visionChanged(
                            v.visionId(),
                            v.userId(),
                            v.versionNumber(),
                            v.status(),
                            v.title(),
                            v.sections(),
                            event.time()))
            .on(EventType.VISION_COMPLETED, VisionCompleted.class, (v, event) -> {
                contexts.visionChanged(
                        v.visionId(), v.userId(), v.versionNumber(), "complete", v.title(), v.sections(), event.time());
                contexts.visionActivated(v.visionId(), event.time());
            })
            .on(
                    EventType.VISION_ACTIVATED,
                    VisionActivated.class,
                    (v, event) -> contexts.visionActivated(v.visionId(), event.time()))
            .on(EventType.VISION_DELETED, VisionDeleted.class, v -> contexts.visionDeleted(v));

    @Override
    @Incoming("vision-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.handle(record, handlers);
    }
}
