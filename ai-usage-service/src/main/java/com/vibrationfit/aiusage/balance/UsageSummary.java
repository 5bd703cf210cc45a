package com.vibrationfit.aiusage.balance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Usage over a range, as a chart needs it: per day, per action type and per model (tokens, cost, calls). */
public record UsageSummary(
        LocalDate from, LocalDate to, Totals total, List<Day> perDay, List<Group> perAction, List<Group> perModel) {

    public record Totals(long tokens, BigDecimal costCents, long calls) {}

    public record Day(LocalDate day, long tokens, BigDecimal costCents, long calls) {}

    public record Group(String key, long tokens, BigDecimal costCents, long calls) {}
}
