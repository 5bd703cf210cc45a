package com.vibrationfit.platform.media;

import com.vibrationfit.platform.inbox.UserDataPurger;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/** A deleted member's uploads leave the {@link KnownMedia} projection (services with {@code vf.media.known-media=true}). */
@ApplicationScoped
@IfBuildProperty(name = "vf.media.known-media", stringValue = "true")
public class KnownMediaPurger implements UserDataPurger {

    @Inject
    KnownMedia media;

    @Override
    public void purge(UUID userId) {
        media.deleteAllOf(userId);
    }
}
