package com.vibrationfit.vision.lifevision;

import com.vibrationfit.platform.db.MemberLock;
import com.vibrationfit.platform.db.MemberOwnedRepository;
import com.vibrationfit.platform.paging.PageRequest;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Queries on {@code vision_versions}. Every query also names the user: row-level security would hide
 * other members' rows anyway, but an explicit filter lets PostgreSQL use the user index.
 */
@ApplicationScoped
public class VisionRepository implements MemberOwnedRepository<Vision> {

    static final MemberLock.Purpose VERSION_NUMBERS = new MemberLock.Purpose("vision-version-numbers");
    static final MemberLock.Purpose ACTIVE_VERSION = new MemberLock.Purpose("vision-active-version");

    @Inject
    MemberLock memberLock;

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

    /** The member's active vision: the complete version they completed or activated last. */
    public Optional<Vision> active(UUID userId) {
        return find("userId = ?1 and isActive = true", userId).firstResultOptional();
    }

    /**
     * Makes {@code vision} the member's only active version. Serialised per member with a transaction-scoped
     * advisory lock: two versions activated at once would otherwise both clear the other and meet the
     * one-active-per-member index.
     */
    public void makeActive(Vision vision) {
        memberLock.hold(ACTIVE_VERSION, vision.userId);
        update("isActive = false where userId = ?1 and isActive = true and id <> ?2", vision.userId, vision.id);
        vision.isActive = true;
        flush();
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
