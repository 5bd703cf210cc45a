package com.vibrationfit.media.events;

import com.vibrationfit.events.EventType;
import com.vibrationfit.events.MediaReferencesChanged;
import com.vibrationfit.events.VisionCompleted;
import com.vibrationfit.events.VisionCreated;
import com.vibrationfit.events.VisionDeleted;
import com.vibrationfit.events.VisionUpdated;
import com.vibrationfit.media.narration.NarrationService;
import com.vibrationfit.media.objects.MediaReferences;
import com.vibrationfit.platform.inbox.EventConsumer;
import com.vibrationfit.platform.inbox.EventHandlers;
import com.vibrationfit.platform.inbox.Inbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * {@code vision.events}: keeps the section projection and narrates complete visions' changed sections;
 * tracks the media board items reference.
 */
@ApplicationScoped
public class VisionEventsConsumer implements EventConsumer {

    @Inject
    Inbox inbox;

    @Inject
    NarrationService narration;

    @Inject
    MediaReferences references;

    private final EventHandlers handlers = EventHandlers.forConsumer("media-service.vision-events")
            .on(
                    EventType.VISION_CREATED,
                    VisionCreated.class,
                    (v, event) -> narration.onVisionChanged(
                            v.visionId(), v.userId(), v.versionNumber(), v.status(), v.sections(), event.time()))
            .on(
                    EventType.VISION_UPDATED,
                    VisionUpdated.class,
                    (v, event) -> narration.onVisionEdited(
                            v.visionId(), v.userId(), v.versionNumber(), v.status(), v.sections(), event.time()))
            .on(
                    EventType.VISION_COMPLETED,
                    VisionCompleted.class,
                    (v, event) -> narration.onVisionChanged(
                            v.visionId(), v.userId(), v.versionNumber(), "complete", v.sections(), event.time()))
            .on(EventType.VISION_DELETED, VisionDeleted.class, v -> narration.onVisionDeleted(v.visionId(), v.userId()))
            // Board items' images: an object is deleted only when no entity of any service references it.
            .on(
                    EventType.MEDIA_REFERENCES_CHANGED,
                    MediaReferencesChanged.class,
                    change -> references.apply("vision-service", change));

    @Override
    @Incoming("vision-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.handle(record, handlers);
    }
}
