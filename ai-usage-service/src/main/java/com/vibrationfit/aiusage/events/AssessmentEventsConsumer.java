package com.vibrationfit.aiusage.events;

import com.vibrationfit.aiusage.member.MemberContexts;
import com.vibrationfit.events.AssessmentCompleted;
import com.vibrationfit.events.AssessmentDeleted;
import com.vibrationfit.events.EventType;
import com.vibrationfit.platform.inbox.EventConsumer;
import com.vibrationfit.platform.inbox.EventHandlers;
import com.vibrationfit.platform.inbox.Inbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** {@code assessment.events}: completed assessments (Green Line, insights), for VIVA's context ({@link MemberContexts}). */
@ApplicationScoped
public class AssessmentEventsConsumer implements EventConsumer {

    @Inject
    Inbox inbox;

    @Inject
    MemberContexts contexts;

    private final EventHandlers handlers = EventHandlers.forConsumer("ai-usage-service.assessment-events")
            .on(EventType.ASSESSMENT_COMPLETED, AssessmentCompleted.class, a -> contexts.assessmentCompleted(a))
            .on(EventType.ASSESSMENT_DELETED, AssessmentDeleted.class, a -> contexts.assessmentDeleted(a));

    @Override
    @Incoming("assessment-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.handle(record, handlers);
    }
}
