package com.vibrationfit.aiusage.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LedgerRulesTest {

    private static Instant at(String iso) {
        return Instant.parse(iso);
    }

    @Test
    void shouldCountCyclesFromTheAccountsCreationSoMonthEndsDoNotDrift() {
        Instant joined = at("2027-01-31T10:00:00Z");
        assertEquals(at("2027-02-28T10:00:00Z"), LedgerRules.cycleStart(joined, 1));
        assertEquals(at("2027-03-31T10:00:00Z"), LedgerRules.cycleStart(joined, 2), "back to the 31st, not the 28th");
        assertEquals(at("2027-04-30T10:00:00Z"), LedgerRules.cycleStart(joined, 3));
        assertEquals(at("2028-02-29T10:00:00Z"), LedgerRules.cycleStart(joined, 13), "a leap year's February");
        assertEquals(at("2028-01-31T10:00:00Z"), LedgerRules.cycleStart(joined, 12));
    }

    @Test
    void shouldFindEveryCycleThatStartedSinceTheCurrentOne() {
        Instant joined = at("2027-01-31T10:00:00Z");
        assertEquals(List.of(), LedgerRules.dueCycles(joined, 0, at("2027-02-28T09:59:59Z")));
        assertEquals(List.of(1), LedgerRules.dueCycles(joined, 0, at("2027-02-28T10:00:00Z")));
        assertEquals(List.of(1, 2, 3), LedgerRules.dueCycles(joined, 0, at("2027-05-01T00:00:00Z")));
        assertEquals(List.of(3), LedgerRules.dueCycles(joined, 2, at("2027-05-01T00:00:00Z")));
        assertEquals(List.of(), LedgerRules.dueCycles(joined, 3, at("2027-05-01T00:00:00Z")));
    }

    @Test
    void shouldLetADripRollOverThreeCyclesThenExpire() {
        Instant joined = at("2027-01-15T00:00:00Z");
        // The drip of cycle 1 (15 Feb) can be spent in cycles 1, 2, 3 and 4; it expires when cycle 5 starts.
        assertEquals(at("2027-06-15T00:00:00Z"), LedgerRules.dripExpiry(joined, 1));
        assertEquals(at("2027-12-31T00:00:00Z"), LedgerRules.dripExpiry(at("2027-08-31T00:00:00Z"), 0));
        assertEquals(0, LedgerRules.rolloverCycles(4, List.of(4)));
        assertEquals(3, LedgerRules.rolloverCycles(4, List.of(1, 3, 4)));
        assertEquals(0, LedgerRules.rolloverCycles(4, List.of()));
    }

    @Test
    void shouldSpendTheSoonestExpiringTokensFirstThenTheOldest() {
        UUID initial = new UUID(0, 1);
        UUID drip1 = new UUID(0, 2);
        UUID drip2 = new UUID(0, 3);
        UUID topup = new UUID(0, 4);
        List<Lot> lots = List.of(
                new Lot(initial, 100, null, at("2027-01-01T00:00:00Z")),
                new Lot(drip2, 50, at("2027-07-01T00:00:00Z"), at("2027-03-01T00:00:00Z")),
                new Lot(drip1, 30, at("2027-06-01T00:00:00Z"), at("2027-02-01T00:00:00Z")),
                new Lot(topup, 500, null, at("2027-02-15T00:00:00Z")));
        assertEquals(Map.of(drip1, 30, drip2, 20), LedgerRules.consume(lots, 50));
        assertEquals(
                List.of(drip1, drip2, initial),
                List.copyOf(LedgerRules.consume(lots, 150).keySet()));
        assertEquals(Map.of(drip1, 30, drip2, 50, initial, 100, topup, 500), LedgerRules.consume(lots, 680));
        assertThrows(IllegalArgumentException.class, () -> LedgerRules.consume(lots, 681));
        assertEquals(Map.of(), LedgerRules.consume(lots, 0));
    }

    @Test
    void shouldTopUpBelowTwentyPercentOfThePackOncePerCycle() {
        Instant cycle = at("2027-03-01T00:00:00Z");
        assertTrue(LedgerRules.topUpDue(true, "small", 19, 100, null, cycle));
        assertFalse(LedgerRules.topUpDue(true, "small", 20, 100, null, cycle), "20 % is not below 20 %");
        assertFalse(LedgerRules.topUpDue(false, "small", 0, 100, null, cycle), "not enabled");
        assertFalse(LedgerRules.topUpDue(true, null, 0, 100, null, cycle), "no pack");
        assertFalse(LedgerRules.topUpDue(true, "small", 0, 100, at("2027-03-02T00:00:00Z"), cycle), "once per cycle");
        assertTrue(LedgerRules.topUpDue(true, "small", 0, 100, at("2027-02-20T00:00:00Z"), cycle), "a new cycle");
        assertFalse(LedgerRules.topUpDue(true, "small", 0, 0, null, cycle), "an empty pack: 20 % of 0");
    }
}
