package com.vibrationfit.aiusage.events;

import com.vibrationfit.aiusage.billing.PaymentCustomerEraser;
import com.vibrationfit.aiusage.ledger.TokenAccounts;
import com.vibrationfit.aiusage.member.MemberContexts;
import com.vibrationfit.platform.export.ExportPart;
import com.vibrationfit.platform.export.UserDataExporter;
import com.vibrationfit.platform.inbox.UserDataPurger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;

/**
 * A deleted account takes its usage history, grants, reservations and account with it, its VIVA threads and
 * the member data projected for VIVA, and its customer at the payment provider ({@link PaymentCustomerEraser}).
 */
@ApplicationScoped
public class AiUsageUserData implements UserDataPurger, UserDataExporter {

    @Inject
    TokenAccounts accounts;

    @Inject
    MemberContexts contexts;

    @Inject
    PaymentCustomerEraser customers;

    @Inject
    EntityManager em;

    @Override
    public void purge(UUID userId) {
        em.createNativeQuery("delete from conversations where user_id = ?1")
                .setParameter(1, userId)
                .executeUpdate();
        em.createNativeQuery("delete from ai_conversations where user_id = ?1")
                .setParameter(1, userId)
                .executeUpdate();
        contexts.deleteAllOf(userId);
        customers.queueFor(userId); // before the account row (which holds the customer's id) goes
        accounts.purge(userId);
    }

    /**
     * The token account, its grants and every use, and every VIVA conversation with its messages. Holds and
     * the projections of other services' data are working state, not the member's records.
     */
    @Override
    public void export(UUID userId, ExportPart part) {
        part.rows("token_accounts", "select * from token_accounts where user_id = ?1");
        part.rows("token_grants", "select * from token_grants where user_id = ?1 order by created_at");
        part.rows("token_usage", "select * from token_usage where user_id = ?1 order by created_at");
        part.rows("conversations", "select * from conversations where user_id = ?1 order by created_at");
        part.rows("ai_conversations", "select * from ai_conversations where user_id = ?1 order by created_at, id");
    }
}
