package com.vibrationfit.platform.guarantees.notes;

import com.vibrationfit.platform.inbox.UserDataPurger;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** {@code user.deleted} (the platform's identity-events consumer) takes the member's notes with it. */
@ApplicationScoped
public class NoteUserData implements UserDataPurger {

    @Override
    public void purge(UUID userId) {
        Note.delete("userId", userId);
    }
}
