package com.vibrationfit.aiusage.ledger;

import java.util.UUID;

/**
 * A member's auto top-up came due (fired inside the ledger's transaction): the pack to charge their saved card
 * for. Whoever observes it records the charge in the same transaction, so a top-up is asked for exactly once.
 */
public record TopUpDue(UUID userId, String packId, int tokens, double priceCents) {}
