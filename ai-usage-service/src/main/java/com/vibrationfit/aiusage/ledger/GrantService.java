package com.vibrationfit.aiusage.ledger;

import com.vibrationfit.aiusage.events.BalanceEvents;
import com.vibrationfit.aiusage.ledger.TokenAccounts.Opening;
import com.vibrationfit.aiusage.pricing.PriceTable;
import com.vibrationfit.platform.errors.Conflict;
import com.vibrationfit.platform.errors.FieldError;
import com.vibrationfit.platform.errors.InvalidRequest;
import com.vibrationfit.platform.errors.Unprocessable;
import com.vibrationfit.platform.time.DatabaseClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Tokens given or taken outside a call: an admin's grants and deductions, and the member's auto top-up setting. */
@ApplicationScoped
@Transactional
public class GrantService {

    /** The largest single admin grant or deduction. */
    public static final int MAX_ADJUSTMENT = 1_000_000;

    @Inject
    EntityManager em;

    @Inject
    TokenAccounts accounts;

    @Inject
    PriceTable prices;

    @Inject
    BalanceEvents events;

    /** An admin grant (amount > 0, never expires) or deduction (amount < 0, from what is available). */
    public TokenGrant adjust(UUID userId, int amount, String reason, UUID admin) {
        List<FieldError> errors = new ArrayList<>();
        if (amount == 0) {
            errors.add(new FieldError("amount", "must not be 0: positive grants, negative deducts"));
        } else if (amount > MAX_ADJUSTMENT || amount < -MAX_ADJUSTMENT) {
            // Sums of grants stay far from int overflow (and -Integer.MIN_VALUE is itself).
            errors.add(new FieldError("amount", "must be between -" + MAX_ADJUSTMENT + " and " + MAX_ADJUSTMENT));
        }
        if (reason == null || reason.isBlank() || reason.length() > TokenGrant.REASON_MAX_LENGTH) {
            errors.add(
                    new FieldError("reason", "is required, at most " + TokenGrant.REASON_MAX_LENGTH + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
        accounts.lock(userId, Opening.OPEN);
        Instant now = DatabaseClock.now();
        TokenGrant grant;
        if (amount > 0) {
            grant = accounts.addGrant(userId, TokenGrant.ADMIN_GRANT, amount, null, null, now, g -> {
                g.reason = reason;
                g.grantedBy = admin;
            });
        } else {
            int available = accounts.available(userId);
            if (-amount > available) {
                throw new Unprocessable(
                        "a deduction cannot exceed what is available",
                        List.of(new FieldError(
                                "amount", "deducts " + -amount + " but " + available + " are available")));
            }
            accounts.take(userId, -amount);
            grant = accounts.addGrant(userId, TokenGrant.ADMIN_DEDUCTION, amount, null, null, now, g -> {
                g.reason = reason;
                g.grantedBy = admin;
            });
        }
        em.flush();
        accounts.topUpIfDue(userId, now);
        events.changed(accounts.balance(userId), amount > 0 ? "granted" : "deducted");
        return grant;
    }

    /** The member's auto top-up: on with one of the price table's packs, or off. */
    public TokenAccount setAutoTopUp(UUID userId, boolean enabled, String packId) {
        if (enabled && (packId == null || !prices.packs().containsKey(packId))) {
            throw InvalidRequest.of(
                    "pack_id",
                    "must be one of "
                            + prices.packs().keySet().stream().sorted().toList() + " to enable auto top-up");
        }
        if (packId != null && !prices.packs().containsKey(packId)) {
            throw InvalidRequest.of(
                    "pack_id",
                    "must be one of "
                            + prices.packs().keySet().stream().sorted().toList());
        }
        TokenAccount account = accounts.lock(userId, Opening.OPEN);
        if (enabled && account.paymentMethodId == null) {
            // Auto top-up charges a saved card: without one it could only give tokens away.
            throw new Conflict(
                    "auto top-up charges your saved card, and none is saved: buy a pack once and its card is saved",
                    List.of(new FieldError("enabled", "needs a saved card (buy a pack first)")));
        }
        account.autoTopupEnabled = enabled;
        account.autoTopupPackId = packId;
        account.updatedAt = DatabaseClock.now();
        em.flush();
        accounts.topUpIfDue(userId, account.updatedAt);
        events.changed(accounts.balance(userId), "auto_topup");
        return account;
    }
}
