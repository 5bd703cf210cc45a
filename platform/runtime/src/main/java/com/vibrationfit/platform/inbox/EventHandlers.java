package com.vibrationfit.platform.inbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * What one consumer does with each event type of a topic: the effect of each type, applied at most
 * once through the {@link Inbox}. Types without a handler are not this consumer's concern and pass.
 *
 * <pre>{@code
 * private final EventHandlers handlers = EventHandlers.forConsumer("media-service.vision-events")
 *         .on("vision.updated", VisionUpdated.class, v -> narration.onVisionChanged(...))
 *         .on("vision.deleted", VisionDeleted.class, v -> narration.onVisionDeleted(v.visionId()));
 *
 * @Incoming("vision-events") @Blocking
 * public void consume(ConsumerRecord<String, String> record) { inbox.handle(record, handlers); }
 * }</pre>
 */
public final class EventHandlers {

    record Handler<T>(Class<T> payload, BiConsumer<T, CloudEvent> effect) {}

    private final String consumer;
    private final Map<String, Handler<?>> byType = new LinkedHashMap<>();

    private EventHandlers(String consumer) {
        this.consumer = consumer;
    }

    /** {@code consumer} names the inbox entries: {@code <service>.<topic>}. */
    public static EventHandlers forConsumer(String consumer) {
        return new EventHandlers(consumer);
    }

    public <T> EventHandlers on(String type, Class<T> payload, Consumer<T> effect) {
        byType.put(type, new Handler<>(payload, (data, event) -> effect.accept(data)));
        return this;
    }

    /**
     * An effect that also reads the envelope, e.g. its {@link CloudEvent#time()}: a projection that keeps the time
     * of what it holds ignores an older event (a dead letter replayed after newer ones).
     */
    public <T> EventHandlers on(String type, Class<T> payload, BiConsumer<T, CloudEvent> effect) {
        byType.put(type, new Handler<>(payload, effect));
        return this;
    }

    String consumer() {
        return consumer;
    }

    Handler<?> handlerOf(String type) {
        return byType.get(type);
    }
}
