package com.vibrationfit.journal.entry;

import com.vibrationfit.platform.db.MemberOwnedRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Queries on {@code journal_entries}; each names the user so the user index serves it. */
@ApplicationScoped
public class JournalEntryRepository implements MemberOwnedRepository<JournalEntry> {

    /**
     * Newest first (date, then created_at), or by search rank when {@code q} is given; filters combine.
     * Fetches {@code limit} rows from {@code offset}.
     */
    @SuppressWarnings("unchecked")
    public List<JournalEntry> search(UUID userId, JournalFilter filter, int offset, int limit) {
        StringBuilder sql = new StringBuilder("select e.* from journal_entries e");
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.query() != null) {
            sql.append(", websearch_to_tsquery('english', :q) query");
            params.put("q", filter.query());
        }
        sql.append(" where e.user_id = :user");
        params.put("user", userId);
        if (filter.query() != null) {
            sql.append(" and e.search @@ query");
        }
        if (filter.from() != null) {
            sql.append(" and e.date >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            sql.append(" and e.date <= :to");
            params.put("to", filter.to());
        }
        if (filter.category() != null) {
            sql.append(" and :category = any(e.categories)");
            params.put("category", filter.category().key());
        }
        if (filter.hasMedia() != null) {
            sql.append(filter.hasMedia() ? " and " : " and not ")
                    .append("(cardinality(e.image_urls) > 0 or jsonb_array_length(e.audio_recordings) > 0)");
        }
        sql.append(
                filter.query() != null
                        ? " order by ts_rank(e.search, query) desc, e.date desc, e.created_at desc, e.id"
                        : " order by e.date desc, e.created_at desc, e.id");
        sql.append(" offset :offset limit :limit");
        params.put("offset", offset);
        params.put("limit", limit);
        Query query = getEntityManager().createNativeQuery(sql.toString(), JournalEntry.class);
        params.forEach(query::setParameter);
        return query.getResultList();
    }

    /** The member's recent entries: newest created first. */
    public List<JournalEntry> recent(UUID userId, int limit) {
        return find("userId = ?1 order by createdAt desc", userId)
                .page(0, limit)
                .list();
    }

    @SuppressWarnings("unchecked")
    public List<Object[]> countByCategory(UUID userId) {
        return getEntityManager().createNativeQuery("""
                select c, count(*) from journal_entries, unnest(categories) c where user_id = ?1 group by c""").setParameter(1, userId).getResultList();
    }

    @SuppressWarnings("unchecked")
    public List<Object[]> countByMonth(UUID userId) {
        return getEntityManager().createNativeQuery("""
                select to_char(date, 'YYYY-MM') m, count(*) from journal_entries where user_id = ?1 group by m order by m""").setParameter(1, userId).getResultList();
    }

    public List<LocalDate> distinctDates(UUID userId) {
        return getEntityManager()
                .createQuery(
                        "select distinct e.date from JournalEntry e where e.userId = ?1 order by e.date",
                        LocalDate.class)
                .setParameter(1, userId)
                .getResultList();
    }
}
