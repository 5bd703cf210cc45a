package com.vibrationfit.aiusage.ledger;

import com.vibrationfit.aiusage.ledger.TokenAccounts.Opening;
import com.vibrationfit.platform.time.DatabaseClock;
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
        return balance(userId, Opening.OPEN);
    }

    /** Someone else's view of a member's balance (an admin's): never opens an account (404 without one). */
    public Balance existingBalanceOf(UUID userId) {
        return balance(userId, Opening.NEVER);
    }

    /**
     * Most reads find nothing to settle and are answered from one statement, without the account's lock or a write,
     * so that reads of one member do not queue behind each other. Otherwise the account is locked and settled first.
     */
    private Balance balance(UUID userId, Opening opening) {
        return accounts.settledBalance(userId, DatabaseClock.now()).orElseGet(() -> {
            accounts.lock(userId, opening);
            return accounts.balance(userId);
        });
    }
}
