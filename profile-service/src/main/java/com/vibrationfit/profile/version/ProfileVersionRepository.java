package com.vibrationfit.profile.version;

import com.vibrationfit.platform.db.MemberOwnedRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Queries on {@code user_profiles}; each names the member so the user index serves it. */
@ApplicationScoped
public class ProfileVersionRepository implements MemberOwnedRepository<ProfileVersion> {

    public Optional<ProfileVersion> active(UUID userId) {
        return find("userId = ?1 and isActive = true and isDraft = false", userId)
                .firstResultOptional();
    }

    public Optional<ProfileVersion> draft(UUID userId) {
        return find("userId = ?1 and isDraft = true", userId).firstResultOptional();
    }

    /** Newest first; {@code limit} rows from {@code offset}. */
    public List<ProfileVersion> newestFirst(UUID userId, int offset, int limit) {
        return find("userId = ?1 order by createdAt desc, id desc", userId)
                .range(offset, offset + limit - 1)
                .list();
    }

    public long countOf(UUID userId) {
        return count("userId", userId);
    }

    /** Versions naming {@code deleted} as their parent now name its parent (null for a root). */
    public void reparentChildrenOf(ProfileVersion deleted) {
        update(
                "parentVersionId = ?1 where userId = ?2 and parentVersionId = ?3",
                deleted.parentVersionId,
                deleted.userId,
                deleted.id);
    }

    /** version_number is the position among the member's versions by creation time. */
    public void renumber(UUID userId) {
        getEntityManager().createNativeQuery("""
                update user_profiles p set version_number = r.n
                from (select id, row_number() over (order by created_at, id) as n from user_profiles where user_id = ?1) r
                where p.id = r.id and p.version_number is distinct from r.n""").setParameter(1, userId).executeUpdate();
    }
}
