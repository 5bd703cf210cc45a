package com.vibrationfit.aiusage.events;

import com.vibrationfit.aiusage.ledger.Balance;
import com.vibrationfit.events.AiBalanceChanged;
import com.vibrationfit.events.EventType;
import com.vibrationfit.events.Topics;
import com.vibrationfit.platform.outbox.Outbox;
import com.vibrationfit.platform.time.DatabaseClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** {@code ai.balance.changed} on {@code ai.balances}, in the outbox of the transaction that changed the balance. */
@ApplicationScoped
public class BalanceEvents {

    @Inject
    Outbox outbox;

    public void changed(Balance b, String reason) {
        outbox.record(
                Topics.AI_BALANCES,
                EventType.AI_BALANCE_CHANGED,
                b.userId(),
                new AiBalanceChanged(
                        b.userId(),
                        b.remaining(),
                        b.reserved(),
                        b.used(),
                        b.totalCostCents(),
                        b.rolloverCycles(),
                        b.lastDripAt(),
                        b.autoTopupEnabled(),
                        b.autoTopupPackId(),
                        reason,
                        DatabaseClock.now()));
    }
}
