package com.vibrationfit.platform.guarantees.notes;

import com.vibrationfit.platform.inbox.EventConsumer;
import com.vibrationfit.platform.inbox.EventHandlers;
import com.vibrationfit.platform.inbox.Inbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The test application's consumer: {@code note.liked} on {@code guarantees.likes} (channel {@code likes}, with
 * its dead-letter topic) adds one like, through the platform {@link Inbox} as in every service. The effect is
 * not idempotent on purpose: only the inbox keeps a redelivered event from counting twice.
 */
@ApplicationScoped
public class LikesConsumer implements EventConsumer {

    @Inject
    Inbox inbox;

    private final EventHandlers handlers = EventHandlers.forConsumer("platform-guarantees.likes")
            .on(
                    NoteEvents.NOTE_LIKED,
                    NoteEvents.NoteLiked.class,
                    liked -> Note.update(
                            "likes = likes + 1 where id = ?1 and userId = ?2", liked.noteId(), liked.userId()));

    @Override
    @Incoming("likes")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.handle(record, handlers);
    }
}
