package com.vibrationfit.vision.lifevision;

import com.vibrationfit.platform.db.MemberLock;
import com.vibrationfit.platform.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Queries on {@code vision_versions}. Every query also names the user: row-level security would hide
 * other members' rows anyway, but an explicit filter lets PostgreSQL use the user index.
 */
@ApplicationScoped
public class VisionRepository implements PanacheRepositoryBase<Vision, UUID> {

    static final MemberLock.Purpose VERSION_NUMBERS = new MemberLock.Purpose("vision-version-numbers");

    @Inject
    MemberLock memberLock;

    public Optional<Vision> findOwned(UUID userId, UUID id) {
        return find("id = ?1 and userId = ?2", id, userId).firstResultOptional();
    }

    /** The row locked for update, so a conditional write (If-Match) cannot interleave with another. */
    public Optional<Vision> lockOwned(UUID userId, UUID id) {
        return find("id = ?1 and userId = ?2", id, userId)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    /** Newest first by creation, keyset-paged. */
    public List<Vision> page(UUID userId, String status, PageRequest page) {
        StringBuilder query = new StringBuilder("userId = :user");
        var params = Parameters.with("user", userId);
        if (status != null) {
            query.append(" and status = :status");
            params = params.and("status", status);
        }
        if (page.after() != null) {
            query.append(" and (createdAt < :at or (createdAt = :at and id < :id))");
            params = params.and("at", page.after().at()).and("id", page.after().id());
        }
        query.append(" order by createdAt desc, id desc");
        return find(query.toString(), params).page(0, page.fetchSize()).list();
    }

    /** The member's active vision: the most recently updated complete version. */
    public Optional<Vision> active(UUID userId) {
        return find("userId = ?1 and status = ?2 order by updatedAt desc", userId, Vision.COMPLETE)
                .firstResultOptional();
    }

    /**
     * The next version number for the member. Serialised per member with a transaction-scoped advisory
     * lock, so two concurrent creations cannot both take the same number.
     */
    public int nextVersionNumber(UUID userId) {
        memberLock.hold(VERSION_NUMBERS, userId);
        Integer highest = getEntityManager()
                .createQuery("select max(v.versionNumber) from Vision v where v.userId = ?1", Integer.class)
                .setParameter(1, userId)
                .getSingleResult();
        return highest == null ? 1 : highest + 1;
    }

    /** Marks audio fresh; never moves the timestamp backwards (events may arrive out of order). */
    public int markAudioGenerated(UUID visionId, UUID userId, Instant at) {
        return update(
                "lastAudioGeneratedAt = ?1 where id = ?2 and userId = ?3 "
                        + "and (lastAudioGeneratedAt is null or lastAudioGeneratedAt < ?1)",
                at,
                visionId,
                userId);
    }

    public long deleteAllOf(UUID userId) {
        return delete("userId", userId);
    }
}
