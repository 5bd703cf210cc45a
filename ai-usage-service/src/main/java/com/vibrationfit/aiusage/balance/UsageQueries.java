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
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

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

    /** Totals per day, action type and model over the filter's days (default: the last 30 days). */
    public UsageSummary summary(UUID userId, Filter range) {
        LocalDate to = range.to() != null ? range.to() : LocalDate.now(ZoneOffset.UTC);
        LocalDate from = range.from() != null ? range.from() : to.minusDays(29);
        if (ChronoUnit.DAYS.between(from, to) + 1 > UsageSummary.MAX_DAYS) {
            throw InvalidRequest.of(
                    range.to() != null ? "to" : "from",
                    "a summary covers at most " + UsageSummary.MAX_DAYS + " days, from and to included");
        }
        Filter filter = new Filter(null, null, from, to);
        List<Object[]> days = grouped("cast(u.createdAt as LocalDate)", userId, filter);
        List<Object[]> actions = grouped("u.actionType", userId, filter);
        List<Object[]> models = grouped("u.modelUsed", userId, filter);
        long tokens = 0;
        long calls = 0;
        BigDecimal cost = BigDecimal.ZERO;
        for (Object[] row : actions) {
            tokens += ((Number) row[1]).longValue();
            cost = cost.add((BigDecimal) row[2]);
            calls += ((Number) row[3]).longValue();
        }
        return new UsageSummary(
                from,
                to,
                new UsageSummary.Totals(tokens, cost, calls),
                days.stream()
                        .map(r -> new UsageSummary.Day(
                                (LocalDate) r[0],
                                ((Number) r[1]).longValue(),
                                (BigDecimal) r[2],
                                ((Number) r[3]).longValue()))
                        .toList(),
                actions.stream().map(UsageQueries::group).toList(),
                mostUsed(models.stream().map(UsageQueries::group).toList()));
    }

    /** The {@link UsageSummary#MAX_MODELS} groups with the most tokens, in their order. */
    static List<UsageSummary.Group> mostUsed(List<UsageSummary.Group> groups) {
        if (groups.size() <= UsageSummary.MAX_MODELS) {
            return groups;
        }
        Set<UsageSummary.Group> kept = groups.stream()
                .sorted(Comparator.comparingLong(UsageSummary.Group::tokens)
                        .reversed()
                        .thenComparing(UsageSummary.Group::key))
                .limit(UsageSummary.MAX_MODELS)
                .collect(Collectors.toSet());
        return groups.stream().filter(kept::contains).toList();
    }

    private List<Object[]> grouped(String key, UUID userId, Filter filter) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(userId, filter, params);
        Query query =
                em.createQuery("select " + key + ", coalesce(sum(u.tokensUsed), 0), coalesce(sum(u.costEstimate), 0), "
                        + "count(u) from TokenUsage u where " + where + " group by " + key + " order by " + key);
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows;
    }

    private static UsageSummary.Group group(Object[] row) {
        return new UsageSummary.Group(
                (String) row[0], ((Number) row[1]).longValue(), (BigDecimal) row[2], ((Number) row[3]).longValue());
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
