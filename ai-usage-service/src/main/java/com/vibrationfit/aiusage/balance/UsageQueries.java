package com.vibrationfit.aiusage.balance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.vibrationfit.aiusage.ledger.TokenUsage;
import com.vibrationfit.platform.errors.InvalidRequest;
import com.vibrationfit.platform.paging.OffsetCursor;
import com.vibrationfit.platform.paging.Page;
import com.vibrationfit.platform.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads of {@code token_usage} for one member (dates in UTC); the caller's transaction decides whose rows it may see. */
@ApplicationScoped
@Transactional
public class UsageQueries {

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    public record Filter(String actionType, String model, LocalDate from, LocalDate to) {}

    /** Newest first; {@code limit} rows from {@code offset}. */
    public List<UsageView> list(UUID userId, Filter filter, int offset, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(userId, filter, params);
        var query = em.createQuery(
                "from TokenUsage u where " + where + " order by u.createdAt desc, u.id desc", TokenUsage.class);
        params.forEach(query::setParameter);
        return query.setFirstResult(offset).setMaxResults(limit).getResultList().stream()
                .map(this::view)
                .toList();
    }

    /** One page of {@link #list}, newest first, with the cursor of the next page if there is one. */
    public Page<UsageView> page(UUID userId, Filter filter, Integer limit, String cursor) {
        PageRequest page = PageRequest.of(limit, null);
        int offset = OffsetCursor.decode(cursor);
        List<UsageView> rows = list(userId, filter, offset, page.limit() + 1);
        if (rows.size() <= page.limit()) {
            return new Page<>(rows, null);
        }
        return new Page<>(List.copyOf(rows.subList(0, page.limit())), OffsetCursor.encode(offset + page.limit()));
    }

    /**
     * Totals per day, action type and model over the filter's days (default: the last 30 days), from the daily totals
     * kept beside the usage rows ({@code token_usage_daily}, by a trigger in the same transaction): one query over at
     * most a few hundred rows however much the member used.
     */
    public UsageSummary summary(UUID userId, Filter range) {
        LocalDate to = range.to() != null ? range.to() : LocalDate.now(ZoneOffset.UTC);
        LocalDate from = range.from() != null ? range.from() : to.minusDays(29);
        if (ChronoUnit.DAYS.between(from, to) + 1 > UsageSummary.MAX_DAYS) {
            throw InvalidRequest.of(
                    range.to() != null ? "to" : "from",
                    "a summary covers at most " + UsageSummary.MAX_DAYS + " days, from and to included");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select day, action_type, model_used, tokens, cost_cents, calls from token_usage_daily
                        where user_id = ?1 and day between ?2 and ?3 and calls > 0""")
                .setParameter(1, userId)
                .setParameter(2, from)
                .setParameter(3, to)
                .getResultList();
        return UsageSummary.of(
                from,
                to,
                rows.stream()
                        .map(r -> new UsageSummary.DailyTotal(
                                toLocalDate(r[0]),
                                (String) r[1],
                                (String) r[2],
                                ((Number) r[3]).longValue(),
                                (BigDecimal) r[4],
                                ((Number) r[5]).longValue()))
                        .toList());
    }

    private static LocalDate toLocalDate(Object day) {
        return day instanceof Date date ? date.toLocalDate() : (LocalDate) day;
    }

    private static String where(UUID userId, Filter filter, Map<String, Object> params) {
        StringBuilder where = new StringBuilder("u.userId = :user");
        params.put("user", userId);
        if (filter.actionType() != null) {
            where.append(" and u.actionType = :action");
            params.put("action", filter.actionType());
        }
        if (filter.model() != null) {
            where.append(" and u.modelUsed = :model");
            params.put("model", filter.model());
        }
        if (filter.from() != null) {
            where.append(" and u.createdAt >= :from");
            params.put("from", filter.from().atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        if (filter.to() != null) {
            where.append(" and u.createdAt < :to");
            params.put(
                    "to", filter.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        return where.toString();
    }

    private UsageView view(TokenUsage u) {
        try {
            return new UsageView(
                    u.id,
                    u.userId,
                    u.actionType,
                    u.modelUsed,
                    u.tokensUsed,
                    u.inputTokens,
                    u.outputTokens,
                    u.costEstimate,
                    u.success,
                    u.errorMessage,
                    u.metadata == null ? null : json.readTree(u.metadata),
                    u.createdAt);
        } catch (Exception e) {
            throw new IllegalStateException("stored usage metadata is unreadable", e);
        }
    }
}
