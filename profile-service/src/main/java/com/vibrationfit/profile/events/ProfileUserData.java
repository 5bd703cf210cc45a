package com.vibrationfit.profile.events;

import com.vibrationfit.platform.inbox.UserDataPurger;
import com.vibrationfit.profile.profile.ProfileVersionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/** A deleted account takes every version of its profile with it (KnownMediaPurger forgets their uploads). */
@ApplicationScoped
public class ProfileUserData implements UserDataPurger {

    @Inject
    ProfileVersionRepository versions;

    @Override
    public void purge(UUID userId) {
        versions.delete("userId", userId);
        versions.getEntityManager().createNativeQuery("delete from member_balances where user_id = ?1")
                .setParameter(1, userId).executeUpdate();
    }
}
