package com.vibrationfit.aiusage.ledger;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The arithmetic of a member's tokens, free of the database so unit tests pin it.
 *
 * <ul>
 * <li><b>Cycles</b>: cycle n starts at the account's creation + n calendar months (UTC), counted from the
 * creation each time, so a member who joined on 31 January drips on 28/29 February, 31 March, 30 April.</li>
 * <li><b>Drip</b>: each new cycle grants the plan's monthly amount. Unused drip tokens roll over for at most
 * 3 cycles: a drip of cycle n can be spent in cycles n to n+3 and expires when cycle n+4 starts.</li>
 * <li><b>Spending</b> (usage and deductions) takes from the lots that expire soonest, then the oldest; the
 * initial grant, top-ups and admin grants never expire.</li>
 * <li><b>Expiry</b> takes only what remains of a lot at its expiry: tokens already spent are never taken back.</li>
 * <li><b>Auto top-up</b>: when enabled with a pack and a card is saved, and what is available falls below 20 % of
 * the pack, the pack is charged to the card at most once per cycle; its tokens come when the payment succeeded.</li>
 * </ul>
 */
public final class LedgerRules {

    public static final int ROLLOVER_CYCLES = 3;
    public static final double TOPUP_THRESHOLD = 0.20;

    private LedgerRules() {}

    public static Instant cycleStart(Instant accountCreated, int cycle) {
        return accountCreated.atZone(ZoneOffset.UTC).plusMonths(cycle).toInstant();
    }

    /** The cycles that have started after {@code currentCycle} by {@code now}, in order. */
    public static List<Integer> dueCycles(Instant accountCreated, int currentCycle, Instant now) {
        List<Integer> due = new ArrayList<>();
        int next = currentCycle + 1;
        while (!cycleStart(accountCreated, next).isAfter(now)) {
            due.add(next);
            next++;
        }
        return due;
    }

    /** When a drip of {@code cycle} expires: the start of the cycle after its last rollover. */
    public static Instant dripExpiry(Instant accountCreated, int cycle) {
        return cycleStart(accountCreated, cycle + ROLLOVER_CYCLES + 1);
    }

    /** How many cycles the oldest unspent drip has rolled over (0 to 3): the profile's token_rollover_cycles. */
    public static int rolloverCycles(int currentCycle, List<Integer> cyclesOfUnspentDrips) {
        return cyclesOfUnspentDrips.stream()
                .mapToInt(c -> currentCycle - c)
                .max()
                .orElse(0);
    }

    /** Which lots {@code tokens} are taken from, and how many from each: soonest expiry first, then oldest. */
    public static Map<UUID, Integer> consume(List<Lot> lots, int tokens) {
        int available = lots.stream().mapToInt(Lot::remaining).sum();
        if (tokens < 0 || tokens > available) {
            throw new IllegalArgumentException("cannot take " + tokens + " tokens from " + available);
        }
        List<Lot> order = lots.stream()
                .filter(l -> l.remaining() > 0)
                .sorted(Comparator.comparing(Lot::expiresAt, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(Lot::createdAt)
                        .thenComparing(Lot::id))
                .toList();
        Map<UUID, Integer> taken = new LinkedHashMap<>();
        int left = tokens;
        for (Lot lot : order) {
            if (left == 0) {
                break;
            }
            int take = Math.min(left, lot.remaining());
            taken.put(lot.id(), take);
            left -= take;
        }
        return taken;
    }

    public static boolean topUpDue(
            boolean enabled, String packId, int available, int packTokens, Instant lastTopUp, Instant cycleStart) {
        return enabled
                && packId != null
                && available < TOPUP_THRESHOLD * packTokens
                && (lastTopUp == null || lastTopUp.isBefore(cycleStart));
    }
}
