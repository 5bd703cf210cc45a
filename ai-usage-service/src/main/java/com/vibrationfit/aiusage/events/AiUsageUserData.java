package com.vibrationfit.aiusage.events;

import com.vibrationfit.aiusage.ledger.Ledger;
import com.vibrationfit.platform.inbox.UserDataPurger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * A deleted account takes its usage history, grants, reservations and account with it, and its VIVA threads and
 * the member data projected for VIVA.
 */
@ApplicationScoped
public class AiUsageUserData implements UserDataPurger {

    @Inject
    Ledger ledger;

    @Inject
    com.vibrationfit.aiusage.member.MemberContexts contexts;

    @Inject
    jakarta.persistence.EntityManager em;

    @Override
    public void purge(UUID userId) {
        em.createNativeQuery("delete from conversations where user_id = ?1").setParameter(1, userId).executeUpdate();
        em.createNativeQuery("delete from ai_conversations where user_id = ?1").setParameter(1, userId).executeUpdate();
        contexts.deleteAllOf(userId);
        ledger.purge(userId);
    }
}
