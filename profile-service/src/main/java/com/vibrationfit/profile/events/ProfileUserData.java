package com.vibrationfit.profile.events;

import com.vibrationfit.platform.inbox.UserDataPurger;
import com.vibrationfit.platform.media.KnownMedia;
import com.vibrationfit.profile.profile.ProfileVersionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/** A deleted account takes every version of its profile, and its uploads projection, with it. */
@ApplicationScoped
public class ProfileUserData implements UserDataPurger {

    @Inject
    ProfileVersionRepository versions;

    @Inject
    KnownMedia media;

    @Override
    public void purge(UUID userId) {
        versions.delete("userId", userId);
        media.deleteAllOf(userId);
    }
}
