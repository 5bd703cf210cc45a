package com.vibrationfit.platform.inbox;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A Kafka consumer of the platform: its {@code @Incoming} method is {@link #consume}. Implementing this
 * lets {@link DeadLetterReplay} feed a dead-letter topic back through the very same method, so a replay
 * runs the code path of live consumption (and its inbox keeps the replay idempotent).
 */
public interface EventConsumer {

    void consume(ConsumerRecord<String, String> record);
}
