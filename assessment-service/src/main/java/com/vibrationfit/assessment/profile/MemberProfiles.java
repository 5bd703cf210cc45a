package com.vibrationfit.assessment.profile;

import com.vibrationfit.assessment.bank.MemberCircumstances;
import com.vibrationfit.events.ProfileCommitted;
import com.vibrationfit.events.ProfileVersionChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Members' profile versions, projected from {@code profile.events} (so serving a request needs no call to profile-service):
 * which version ids are a member's ({@code profile_version_id} must name one) and, for committed versions,
 * whether the member is in a relationship and has children, which choose the question sets.
 */
@ApplicationScoped
public class MemberProfiles {

    @Inject
    EntityManager em;

    public void versionCreated(ProfileVersionChanged version) {
        em.createNativeQuery("insert into profile_versions (id, user_id) values (?1, ?2) on conflict (id) do nothing")
                .setParameter(1, version.profileId())
                .setParameter(2, version.userId())
                .executeUpdate();
    }

    /** The version is gone: assessments that named it keep no dangling id (as ON DELETE SET NULL would). */
    public void versionDeleted(ProfileVersionChanged version) {
        em.createNativeQuery("delete from profile_versions where id = ?1")
                .setParameter(1, version.profileId())
                .executeUpdate();
        em.createNativeQuery("update assessment_results set profile_version_id = null where profile_version_id = ?1")
                .setParameter(1, version.profileId())
                .executeUpdate();
    }

    /** The member's committed profile is now this version, with these answers. */
    public void committed(ProfileCommitted committed) {
        em.createNativeQuery("update profile_versions set is_active = false where user_id = ?1 and id <> ?2")
                .setParameter(1, committed.userId())
                .setParameter(2, committed.profileId())
                .executeUpdate();
        em.createNativeQuery("""
                insert into profile_versions (id, user_id, in_relationship, has_children, is_active, updated_at)
                values (?1, ?2, cast(?3 as boolean), cast(?4 as boolean), true, now())
                on conflict (id) do update set in_relationship = excluded.in_relationship,
                  has_children = excluded.has_children, is_active = true, updated_at = now()""")
                .setParameter(1, committed.profileId())
                .setParameter(2, committed.userId())
                .setParameter(3, committed.inRelationship())
                .setParameter(4, committed.hasChildren())
                .executeUpdate();
    }

    public boolean owns(UUID userId, UUID versionId) {
        return !em.createNativeQuery("select 1 from profile_versions where id = ?1 and user_id = ?2")
                .setParameter(1, versionId)
                .setParameter(2, userId)
                .getResultList()
                .isEmpty();
    }

    @SuppressWarnings("unchecked")
    public Optional<UUID> active(UUID userId) {
        List<UUID> ids = em.createNativeQuery("select id from profile_versions where user_id = ?1 and is_active")
                .setParameter(1, userId)
                .getResultList();
        return ids.stream().findFirst();
    }

    /** What {@code versionId} (null: none) says about the member; unknown answers stay null. */
    @SuppressWarnings("unchecked")
    public MemberCircumstances circumstances(UUID userId, UUID versionId) {
        if (versionId == null) {
            return MemberCircumstances.UNKNOWN;
        }
        List<Object[]> rows = em.createNativeQuery(
                        "select in_relationship, has_children from profile_versions where id = ?1 and user_id = ?2")
                .setParameter(1, versionId)
                .setParameter(2, userId)
                .getResultList();
        return rows.isEmpty()
                ? MemberCircumstances.UNKNOWN
                : new MemberCircumstances((Boolean) rows.get(0)[0], (Boolean) rows.get(0)[1]);
    }

    public void deleteAllOf(UUID userId) {
        em.createNativeQuery("delete from profile_versions where user_id = ?1")
                .setParameter(1, userId)
                .executeUpdate();
    }
}
