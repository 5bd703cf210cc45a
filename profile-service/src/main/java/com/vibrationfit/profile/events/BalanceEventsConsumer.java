package com.vibrationfit.profile.events;

import com.vibrationfit.events.AiBalanceChanged;
import com.vibrationfit.events.EventType;
import com.vibrationfit.platform.inbox.EventConsumer;
import com.vibrationfit.platform.inbox.EventHandlers;
import com.vibrationfit.platform.inbox.Inbox;
import com.vibrationfit.profile.balance.MemberBalances;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * {@code ai.balances}: ai-usage-service's ledger after each change of a member's tokens, projected by
 * {@link MemberBalances} onto the token columns of every version of their profile (they describe the member,
 * not a version). Nobody else writes those columns; the API shows them read-only.
 */
@ApplicationScoped
public class BalanceEventsConsumer implements EventConsumer {

    @Inject
    Inbox inbox;

    @Inject
    MemberBalances balances;

    private final EventHandlers handlers = EventHandlers.forConsumer("profile-service.ai-balances")
            .on(EventType.AI_BALANCE_CHANGED, AiBalanceChanged.class, balance -> balances.apply(balance));

    @Override
    @Incoming("ai-balances")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.handle(record, handlers);
    }
}
