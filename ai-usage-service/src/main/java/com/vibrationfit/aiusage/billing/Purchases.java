package com.vibrationfit.aiusage.billing;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class Purchases implements PanacheRepositoryBase<Purchase, UUID> {

    /** The member's purchases, newest first (a member makes few: the last 100 are all a screen shows). */
    public List<Purchase> of(UUID userId) {
        return find("userId = ?1 order by createdAt desc", userId).page(0, 100).list();
    }

    public Optional<Purchase> byPaymentIntent(String paymentIntentId) {
        return find("paymentIntentId", paymentIntentId).firstResultOptional();
    }

    public Optional<Purchase> byCheckoutSession(String sessionId) {
        return find("checkoutSessionId", sessionId).firstResultOptional();
    }

    public Optional<Purchase> byInvoice(String invoiceId) {
        return find("invoiceId", invoiceId).firstResultOptional();
    }

    /** Auto top-ups waiting for their charge, oldest first. */
    public List<Purchase> pendingTopUps(int limit) {
        return find("kind = ?1 and status = ?2 order by createdAt", Purchase.AUTO_TOPUP, Purchase.PENDING)
                .page(0, limit)
                .list();
    }
}
