package com.vibrationfit.vision.events;

import com.vibrationfit.events.AudioTrackCompleted;
import com.vibrationfit.events.EventType;
import com.vibrationfit.platform.inbox.EventConsumer;
import com.vibrationfit.platform.inbox.EventHandlers;
import com.vibrationfit.platform.inbox.Inbox;
import com.vibrationfit.vision.lifevision.VisionRepository;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * {@code media.events}: when a section's narration completes, the vision learns its audio is fresh
 * ({@code last_audio_generated_at}). Other media event types are not vision-service's concern.
 */
@ApplicationScoped
public class MediaEventsConsumer implements EventConsumer {

    @Inject
    Inbox inbox;

    @Inject
    VisionRepository visions;

    private final EventHandlers handlers = EventHandlers.forConsumer("vision-service.media-events")
            .on(
                    EventType.AUDIO_TRACK_COMPLETED,
                    AudioTrackCompleted.class,
                    track -> visions.markAudioGenerated(
                            track.visionId(),
                            track.userId(),
                            track.completedAt() != null ? track.completedAt() : Instant.now()));

    @Override
    @Incoming("media-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.handle(record, handlers);
    }
}
