package com.vibrationfit.aiusage.balance;

import com.vibrationfit.aiusage.ledger.TokenUsage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Usage over a range, as a chart needs it: per day, per action type and per model (tokens, cost, calls). */
public record UsageSummary(
        LocalDate from,
        LocalDate to,
        Totals total,

        @Schema(description = "the days with usage, oldest first", maxItems = MAX_DAYS)
        List<Day> perDay,

        @Schema(description = "by action type", maxItems = TokenUsage.ACTION_TYPE_COUNT)
        List<Group> perAction,

        @Schema(
                description = "by model, by name: the " + MAX_MODELS + " models with the most tokens",
                maxItems = MAX_MODELS)
        List<Group> perModel) {

    /** The longest range a summary covers, in days (from and to included). */
    public static final int MAX_DAYS = 366;

    /** The most models a summary lists. */
    public static final int MAX_MODELS = 50;

    public record Totals(long tokens, BigDecimal costCents, long calls) {}

    public record Day(LocalDate day, long tokens, BigDecimal costCents, long calls) {}

    public record Group(
            @Schema(description = "the action type or model", maxLength = TokenUsage.MODEL_MAX_LENGTH)
            String key,

            long tokens,
            BigDecimal costCents,
            long calls) {}

    /** One day's usage of one action type with one model (a row of the daily totals). */
    record DailyTotal(LocalDate day, String actionType, String model, long tokens, BigDecimal costCents, long calls) {}

    /** The summary of these daily totals: days oldest first, actions and models by name. */
    static UsageSummary of(LocalDate from, LocalDate to, List<DailyTotal> totals) {
        Group all = sum("", totals);
        List<Day> days = by(DailyTotal::day, totals).entrySet().stream()
                .map(e -> {
                    Group day = sum("", e.getValue());
                    return new Day(e.getKey(), day.tokens(), day.costCents(), day.calls());
                })
                .toList();
        List<Group> actions = by(DailyTotal::actionType, totals).entrySet().stream()
                .map(e -> sum(e.getKey(), e.getValue()))
                .toList();
        List<Group> models = by(DailyTotal::model, totals).entrySet().stream()
                .map(e -> sum(e.getKey(), e.getValue()))
                .toList();
        return new UsageSummary(
                from, to, new Totals(all.tokens(), all.costCents(), all.calls()), days, actions, mostUsed(models));
    }

    /** The {@link #MAX_MODELS} groups with the most tokens, in their order. */
    static List<Group> mostUsed(List<Group> groups) {
        if (groups.size() <= MAX_MODELS) {
            return groups;
        }
        Set<Group> kept = groups.stream()
                .sorted(Comparator.comparingLong(Group::tokens).reversed().thenComparing(Group::key))
                .limit(MAX_MODELS)
                .collect(Collectors.toSet());
        return groups.stream().filter(kept::contains).toList();
    }

    private static <K extends Comparable<? super K>> Map<K, List<DailyTotal>> by(
            Function<DailyTotal, K> key, List<DailyTotal> totals) {
        return totals.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()));
    }

    private static Group sum(String key, List<DailyTotal> totals) {
        long tokens = 0;
        long calls = 0;
        BigDecimal cost = BigDecimal.ZERO;
        for (DailyTotal total : totals) {
            tokens += total.tokens();
            calls += total.calls();
            cost = cost.add(total.costCents());
        }
        return new Group(key, tokens, cost, calls);
    }
}
