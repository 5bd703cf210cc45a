package com.vibrationfit.aiusage.ledger;

import com.vibrationfit.aiusage.ledger.TokenAccounts.Opening;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;

/** A member's balance, settled first (drips granted, expiries and lapsed holds applied). */
@ApplicationScoped
@Transactional
public class BalanceService {

    @Inject
    TokenAccounts accounts;

    /** The member's own balance (a new member's account opens here). */
    public Balance balanceOf(UUID userId) {
        accounts.lock(userId, Opening.OPEN);
        return accounts.balance(userId);
    }

    /** Someone else's view of a member's balance (an admin's): never opens an account (404 without one). */
    public Balance existingBalanceOf(UUID userId) {
        accounts.lock(userId, Opening.NEVER);
        return accounts.balance(userId);
    }
}
