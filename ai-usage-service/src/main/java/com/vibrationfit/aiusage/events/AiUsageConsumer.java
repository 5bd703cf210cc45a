package com.vibrationfit.aiusage.events;

import com.vibrationfit.aiusage.ledger.UsageService;
import com.vibrationfit.events.AiUsageRecorded;
import com.vibrationfit.events.EventType;
import com.vibrationfit.platform.inbox.EventConsumer;
import com.vibrationfit.platform.inbox.EventHandlers;
import com.vibrationfit.platform.inbox.Inbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * {@code ai.usage}: usage other services report (media-service's narration). Applied once per event (the
 * inbox), recorded under the event's id; usage already charged through a reservation is not counted again.
 */
@ApplicationScoped
public class AiUsageConsumer implements EventConsumer {

    @Inject
    Inbox inbox;

    @Inject
    UsageService usages;

    @Override
    @Incoming("ai-usage")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.handle(
                record,
                EventHandlers.forConsumer("ai-usage-service.ai-usage")
                        .on(
                                EventType.AI_USAGE_RECORDED,
                                AiUsageRecorded.class,
                                (usage, event) -> usages.recordReported(event.id(), usage)));
    }
}
