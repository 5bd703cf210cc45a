package com.vibrationfit.aiusage.events;

import com.vibrationfit.aiusage.ledger.Ledger;
import com.vibrationfit.platform.inbox.UserDataPurger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/** A deleted account takes its usage history, grants, reservations and account with it. */
@ApplicationScoped
public class AiUsageUserData implements UserDataPurger {

    @Inject
    Ledger ledger;

    @Override
    public void purge(UUID userId) {
        ledger.purge(userId);
    }
}
