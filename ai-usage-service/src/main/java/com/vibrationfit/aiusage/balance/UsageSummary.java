package com.vibrationfit.aiusage.balance;

import com.vibrationfit.aiusage.ledger.TokenUsage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
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
}
