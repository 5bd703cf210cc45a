package com.vibrationfit.aiusage.ledger;

import com.vibrationfit.aiusage.events.BalanceEvents;
import com.vibrationfit.aiusage.ledger.TokenAccounts.Opening;
import com.vibrationfit.aiusage.pricing.PriceTable;
import com.vibrationfit.platform.time.DatabaseClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The ledger's side of payments: tokens a member paid for, a plan's paid cycles, a refund taking back what is
 * left, the account's plan and saved card. Each call locks the member's account first, like every other change of
 * their tokens; a deleted member's account is gone and stays gone (404).
 */
@ApplicationScoped
@Transactional
public class PaidGrants {

    @Inject
    TokenAccounts accounts;

    @Inject
    PriceTable prices;

    @Inject
    BalanceEvents events;

    /** The member's account, locked for this transaction (opened on their first purchase). */
    public TokenAccount lock(UUID userId) {
        return accounts.lock(userId, Opening.OPEN);
    }

    /** The member's existing account, locked (404 when they have none: nobody opened one, or they were deleted). */
    public TokenAccount existing(UUID userId) {
        return accounts.lock(userId);
    }

    /** A pack paid for: its tokens never expire. */
    public TokenGrant pack(UUID userId, String packId, int tokens, int amountCents, String reason) {
        accounts.lock(userId);
        TokenGrant grant =
                accounts.addGrant(userId, TokenGrant.PURCHASE, tokens, null, null, DatabaseClock.now(), g -> {
                    g.packId = packId;
                    g.chargedCents = BigDecimal.valueOf(amountCents).setScale(2, RoundingMode.HALF_UP);
                    g.reason = reason;
                });
        events.changed(accounts.balance(userId), "purchased");
        return grant;
    }

    /**
     * One paid cycle of a plan: its tokens are spendable in this cycle and the {@link LedgerRules#ROLLOVER_CYCLES}
     * after it; the account is on the plan, and the free monthly drip stops while it is.
     */
    public TokenGrant planCycle(
            UUID userId, String planId, int tokens, int amountCents, Instant start, Instant end, Duration cycle) {
        TokenAccount account = accounts.lock(userId);
        Instant expires = start.plus(cycle.multipliedBy(LedgerRules.ROLLOVER_CYCLES + 1L));
        TokenGrant grant = accounts.addGrant(userId, TokenGrant.PLAN, tokens, expires, null, DatabaseClock.now(), g -> {
            g.packId = planId;
            g.chargedCents = BigDecimal.valueOf(amountCents).setScale(2, RoundingMode.HALF_UP);
            g.reason = "plan " + planId + ": the cycle from " + start + " to " + end;
        });
        account.planId = planId;
        account.planStatus = "active";
        account.planCycleStartedAt = start;
        account.planCycleEndsAt = end;
        account.monthlyDrip = 0;
        account.updatedAt = DatabaseClock.now();
        events.changed(accounts.balance(userId), "plan_cycle");
        return grant;
    }

    /** The paid plan ended (cancelled, or unpaid to the end): back to the free plan and its monthly drip. */
    public void toFreePlan(UUID userId) {
        TokenAccount account = accounts.lock(userId);
        account.planId = "free";
        account.planStatus = "active";
        account.planCycleStartedAt = null;
        account.planCycleEndsAt = null;
        account.paymentSubscriptionId = null;
        account.monthlyDrip = prices.plan().monthlyDrip();
        account.updatedAt = DatabaseClock.now();
        events.changed(accounts.balance(userId), "plan_ended");
    }

    /** A refund: what is left of the purchase's tokens is taken back. How many were. */
    public int revoke(UUID userId, UUID grantId) {
        accounts.lock(userId);
        int taken = accounts.revoke(grantId);
        events.changed(accounts.balance(userId), "refunded");
        return taken;
    }
}
