package com.vibrationfit.media.events;

import com.vibrationfit.events.EventType;
import com.vibrationfit.events.VisionCompleted;
import com.vibrationfit.events.VisionCreated;
import com.vibrationfit.events.VisionDeleted;
import com.vibrationfit.events.VisionUpdated;
import com.vibrationfit.media.narration.NarrationService;
import com.vibrationfit.platform.inbox.EventHandlers;
import com.vibrationfit.platform.inbox.Inbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** {@code vision.events}: keeps the section projection and narrates complete visions' changed sections. */
@ApplicationScoped
public class VisionEventsConsumer {

    @Inject
    Inbox inbox;

    @Inject
    NarrationService narration;

    private final EventHandlers handlers = EventHandlers.forConsumer("media-service.vision-events")
            .on(EventType.VISION_CREATED, VisionCreated.class,
                    v -> narration.onVisionChanged(v.visionId(), v.userId(), v.versionNumber(), v.status(), v.sections()))
            .on(EventType.VISION_UPDATED, VisionUpdated.class,
                    v -> narration.onVisionChanged(v.visionId(), v.userId(), v.versionNumber(), v.status(), v.sections()))
            .on(EventType.VISION_COMPLETED, VisionCompleted.class,
                    v -> narration.onVisionChanged(v.visionId(), v.userId(), v.versionNumber(), "complete", v.sections()))
            .on(EventType.VISION_DELETED, VisionDeleted.class, v -> narration.onVisionDeleted(v.visionId()));

    @Incoming("vision-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.handle(record, handlers);
    }
}
