package com.vibrationfit.media.events;

import com.vibrationfit.events.EventType;
import com.vibrationfit.events.VisionCompleted;
import com.vibrationfit.events.VisionCreated;
import com.vibrationfit.events.VisionDeleted;
import com.vibrationfit.events.VisionUpdated;
import com.vibrationfit.media.narration.NarrationService;
import com.vibrationfit.platform.inbox.CloudEvent;
import com.vibrationfit.platform.inbox.Inbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** {@code vision.events}: keeps the section projection and narrates complete visions' changed sections. */
@ApplicationScoped
public class VisionEventsConsumer {

    static final String CONSUMER = "media-service.vision-events";

    @Inject
    Inbox inbox;

    @Inject
    NarrationService narration;

    @Incoming("vision-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        CloudEvent event = CloudEvent.from(record);
        switch (event.type()) {
            case EventType.VISION_CREATED -> inbox.applyOnce(CONSUMER, event, inbox.data(event, VisionCreated.class),
                    v -> narration.onVisionChanged(v.visionId(), v.userId(), v.versionNumber(), v.status(), v.sections()));
            case EventType.VISION_UPDATED -> inbox.applyOnce(CONSUMER, event, inbox.data(event, VisionUpdated.class),
                    v -> narration.onVisionChanged(v.visionId(), v.userId(), v.versionNumber(), v.status(), v.sections()));
            case EventType.VISION_COMPLETED -> inbox.applyOnce(CONSUMER, event, inbox.data(event, VisionCompleted.class),
                    v -> narration.onVisionChanged(v.visionId(), v.userId(), v.versionNumber(), "complete", v.sections()));
            case EventType.VISION_DELETED -> inbox.applyOnce(CONSUMER, event, inbox.data(event, VisionDeleted.class),
                    v -> narration.onVisionDeleted(v.visionId()));
            default -> {
                // other vision events (board items) are not media-service's concern
            }
        }
    }
}
