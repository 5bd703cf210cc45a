package com.vibrationfit.vision.events;

import com.vibrationfit.events.AudioTrackCompleted;
import com.vibrationfit.events.EventType;
import com.vibrationfit.platform.inbox.CloudEvent;
import com.vibrationfit.platform.inbox.Inbox;
import com.vibrationfit.vision.vision.VisionRepository;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * {@code media.events}: when a section's narration completes, the vision learns its audio is fresh
 * ({@code last_audio_generated_at}). Other media event types are not vision-service's concern.
 */
@ApplicationScoped
public class MediaEventsConsumer {

    static final String CONSUMER = "vision-service.media-events";

    @Inject
    Inbox inbox;

    @Inject
    VisionRepository visions;

    @Incoming("media-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        CloudEvent event = CloudEvent.from(record);
        if (!EventType.AUDIO_TRACK_COMPLETED.equals(event.type())) {
            return;
        }
        AudioTrackCompleted completed = inbox.data(event, AudioTrackCompleted.class);
        inbox.applyOnce(CONSUMER, event, completed, track -> visions.markAudioGenerated(track.visionId(),
                track.userId(), track.completedAt() != null ? track.completedAt() : event.time()));
    }
}
