package com.vibrationfit.vision.board;

import com.vibrationfit.platform.db.MemberOwnedRepository;
import com.vibrationfit.platform.paging.PageRequest;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Queries on {@code vision_board_items}; each names the user so the user index serves it. */
@ApplicationScoped
public class BoardItemRepository implements MemberOwnedRepository<BoardItem> {

    /** Newest first, keyset-paged; {@code category} matches items carrying it among their categories. */
    @SuppressWarnings("unchecked")
    public List<BoardItem> page(UUID userId, String status, String category, PageRequest page) {
        StringBuilder sql = new StringBuilder("select * from vision_board_items where user_id = :user");
        Parameters params = Parameters.with("user", userId);
        if (status != null) {
            sql.append(" and status = :status");
            params = params.and("status", status);
        }
        if (category != null) {
            sql.append(" and :category = any(categories)");
            params = params.and("category", category);
        }
        if (page.after() != null) {
            sql.append(" and (created_at, id) < (:at, :id)");
            params = params.and("at", page.after().at()).and("id", page.after().id());
        }
        sql.append(" order by created_at desc, id desc limit :limit");
        params = params.and("limit", page.fetchSize());
        var query = getEntityManager().createNativeQuery(sql.toString(), BoardItem.class);
        params.map().forEach(query::setParameter);
        return query.getResultList();
    }

    /** The member's board items counted by status, every status present (zero when none). */
    public Map<String, Long> countByStatus(UUID userId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        BoardItemStatus.names().forEach(name -> counts.put(name, 0L));
        getEntityManager()
                .createQuery(
                        "select b.status, count(b) from BoardItem b where b.userId = ?1 group by b.status",
                        Object[].class)
                .setParameter(1, userId)
                .getResultList()
                .forEach(row -> counts.put((String) row[0], (Long) row[1]));
        return counts;
    }

    public long deleteAllOf(UUID userId) {
        return delete("userId", userId);
    }
}
