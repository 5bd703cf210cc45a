package com.vibrationfit.aiusage.balance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsageSummaryTest {

    private static final LocalDate MAY_1 = LocalDate.of(2026, 5, 1);
    private static final LocalDate MAY_2 = LocalDate.of(2026, 5, 2);

    private static UsageSummary.DailyTotal total(LocalDate day, String action, String model, long tokens, long calls) {
        return new UsageSummary.DailyTotal(day, action, model, tokens, new BigDecimal("0.5000"), calls);
    }

    @Test
    void addsTheDailyTotalsUpPerDayActionAndModelInOrder() {
        UsageSummary summary = UsageSummary.of(
                MAY_1,
                MAY_2,
                List.of(
                        total(MAY_2, "vision_refinement", "gpt-4o", 300, 2),
                        total(MAY_1, "chat_conversation", "gpt-4o-mini", 100, 4),
                        total(MAY_1, "vision_refinement", "gpt-4o-mini", 50, 1)));

        assertEquals(new UsageSummary.Totals(450, new BigDecimal("1.5000"), 7), summary.total());
        assertEquals(
                List.of(
                        new UsageSummary.Day(MAY_1, 150, new BigDecimal("1.0000"), 5),
                        new UsageSummary.Day(MAY_2, 300, new BigDecimal("0.5000"), 2)),
                summary.perDay());
        assertEquals(
                List.of(
                        new UsageSummary.Group("chat_conversation", 100, new BigDecimal("0.5000"), 4),
                        new UsageSummary.Group("vision_refinement", 350, new BigDecimal("1.0000"), 3)),
                summary.perAction());
        assertEquals(
                List.of(
                        new UsageSummary.Group("gpt-4o", 300, new BigDecimal("0.5000"), 2),
                        new UsageSummary.Group("gpt-4o-mini", 150, new BigDecimal("1.0000"), 5)),
                summary.perModel());
    }

    @Test
    void anEmptyRangeHasZeroTotalsAndNoGroups() {
        UsageSummary summary = UsageSummary.of(MAY_1, MAY_1, List.of());
        assertEquals(new UsageSummary.Totals(0, BigDecimal.ZERO, 0), summary.total());
        assertEquals(List.of(), summary.perDay());
        assertEquals(List.of(), summary.perModel());
    }

    @Test
    void keepsTheModelsWithTheMostTokensInNameOrder() {
        List<UsageSummary.DailyTotal> totals = new ArrayList<>();
        for (int i = 0; i < UsageSummary.MAX_MODELS + 5; i++) {
            totals.add(total(MAY_1, "chat_conversation", "model-%03d".formatted(i), 1000 + i, 1));
        }
        List<UsageSummary.Group> models = UsageSummary.of(MAY_1, MAY_1, totals).perModel();
        assertEquals(UsageSummary.MAX_MODELS, models.size());
        assertEquals("model-005", models.get(0).key());
        assertEquals("model-054", models.get(models.size() - 1).key());
    }
}
