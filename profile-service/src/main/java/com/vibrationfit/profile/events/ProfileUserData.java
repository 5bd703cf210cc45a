package com.vibrationfit.profile.events;

import com.vibrationfit.platform.export.ExportPart;
import com.vibrationfit.platform.export.UserDataExporter;
import com.vibrationfit.platform.inbox.UserDataPurger;
import com.vibrationfit.profile.balance.MemberBalances;
import com.vibrationfit.profile.version.ProfileVersionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/** A deleted account takes every version of its profile with it (KnownMediaPurger forgets their uploads). */
@ApplicationScoped
public class ProfileUserData implements UserDataPurger, UserDataExporter {

    @Inject
    ProfileVersionRepository versions;

    @Inject
    MemberBalances balances;

    @Override
    public void purge(UUID userId) {
        versions.delete("userId", userId);
        balances.forget(userId);
        // Their exports' parts and archives are objects under users/{id}/exports/: swept after this commits
        // (MemberObjectSweeper; profile-service owns the exports).
        versions.getEntityManager()
                .createNativeQuery("delete from account_exports where user_id = ?1")
                .setParameter(1, userId)
                .executeUpdate();
    }

    /** Every profile version (drafts, the active one, history), oldest first. */
    @Override
    public void export(UUID userId, ExportPart part) {
        part.rows(
                "user_profiles", "select * from user_profiles where user_id = ?1 order by created_at, version_number");
    }
}
