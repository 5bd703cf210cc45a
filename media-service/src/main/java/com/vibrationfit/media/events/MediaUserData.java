package com.vibrationfit.media.events;

import com.vibrationfit.media.narration.NarrationRepository;
import com.vibrationfit.media.objects.MediaObjectRepository;
import com.vibrationfit.media.objects.MediaReferences;
import com.vibrationfit.media.objects.ObjectStorage;
import com.vibrationfit.platform.inbox.UserDataPurger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/** A deleted account leaves no row and no object behind. */
@ApplicationScoped
public class MediaUserData implements UserDataPurger {

    @Inject
    NarrationRepository tracks;

    @Inject
    MediaObjectRepository objects;

    @Inject
    MediaReferences references;

    @Inject
    ObjectStorage storage;

    @Override
    public void purge(UUID userId) {
        tracks.deleteUser(userId);
        objects.deleteAllOf(userId);
        references.deleteAllOf(userId);
        // Objects go last: if S3 fails the rows come back with the rollback and the event is retried.
        storage.deletePrefix("users/" + userId + "/");
    }
}
