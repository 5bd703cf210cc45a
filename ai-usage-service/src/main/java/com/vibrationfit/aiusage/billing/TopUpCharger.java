package com.vibrationfit.aiusage.billing;

import com.fasterxml.jackson.databind.JsonNode;
import com.vibrationfit.aiusage.ledger.PaidGrants;
import com.vibrationfit.aiusage.ledger.TokenAccount;
import com.vibrationfit.aiusage.ledger.TopUpDue;
import com.vibrationfit.platform.db.AfterCommit;
import com.vibrationfit.platform.errors.NotFound;
import com.vibrationfit.platform.security.MemberDeleted;
import com.vibrationfit.platform.security.SystemContext;
import com.vibrationfit.platform.time.DatabaseClock;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Auto top-up, paid for: when the ledger finds a member's top-up due it records a pending purchase in the same
 * transaction; this charger then charges the member's saved card through the provider (off session) and grants the
 * pack only when the payment succeeded. The purchase's id is the charge's idempotency key, so a charge retried after
 * a lost answer or a crash (the pending purchase is found again by the sweep) is the same charge, never a second.
 * A declined card fails the purchase with the provider's reason; nothing is granted.
 */
@ApplicationScoped
public class TopUpCharger {

    private static final Logger LOG = Logger.getLogger(TopUpCharger.class);

    @Inject
    EntityManager em;

    @Inject
    Purchases purchases;

    @Inject
    StripeClient stripe;

    @Inject
    PaymentEvents payments;

    @Inject
    PaidGrants ledger;

    @Inject
    BillingConfig config;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    MeterRegistry metrics;

    private final ExecutorService wakeUps = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "auto-topup-charger");
        thread.setDaemon(true);
        return thread;
    });

    /** Inside the ledger's transaction: the pending purchase, charged once that transaction commits. */
    void onTopUpDue(@Observes TopUpDue due) {
        int recorded = em.createNativeQuery("""
                insert into token_purchases (id, user_id, kind, offer_id, tokens, amount_cents, currency, status,
                    created_at, updated_at)
                values (?1, ?2, 'auto_topup', ?3, ?4, ?5, ?6, 'pending', now(), now())
                on conflict do nothing""")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, due.userId())
                .setParameter(3, due.packId())
                .setParameter(4, due.tokens())
                .setParameter(5, (int) Math.round(due.priceCents()))
                .setParameter(6, config.currency())
                .executeUpdate();
        if (recorded == 1) {
            AfterCommit.run(transactions, () -> wakeUps.execute(this::chargeQuietly));
        }
    }

    @Scheduled(
            every = "${vf.billing.charge-every:PT30S}",
            delayed = "${vf.billing.charge-every:PT30S}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        wakeUps.execute(this::chargeQuietly);
    }

    private void chargeQuietly() {
        try {
            chargePending();
        } catch (RuntimeException e) {
            LOG.warnf("auto top-ups not charged this time (the next sweep retries): %s", e.getMessage());
        }
    }

    private record Charge(
            UUID purchaseId, UUID userId, String customer, String method, int cents, String currency, String packId) {}

    /** Charges every pending auto top-up; how many were tried. Visible for tests. */
    public int chargePending() {
        if (!stripe.configured()) {
            return 0;
        }
        List<Charge> due = SystemContext.inNewTransaction(
                "pending auto top-ups",
                () -> purchases.pendingTopUps(20).stream()
                        .map(p -> {
                            TokenAccount account = em.find(TokenAccount.class, p.userId);
                            return new Charge(
                                    p.id,
                                    p.userId,
                                    account.paymentCustomerId,
                                    account.paymentMethodId,
                                    p.amountCents,
                                    p.currency,
                                    p.offerId);
                        })
                        .toList());
        for (Charge charge : due) {
            charge(charge);
        }
        return due.size();
    }

    private void charge(Charge charge) {
        if (charge.customer() == null || charge.method() == null) {
            settle(charge, null, "no card is saved: buy a pack once to save one");
            return;
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("amount", String.valueOf(charge.cents()));
        form.put("currency", charge.currency());
        form.put("customer", charge.customer());
        form.put("payment_method", charge.method());
        form.put("off_session", "true");
        form.put("confirm", "true");
        form.put("description", "VibrationFit auto top-up: pack " + charge.packId());
        form.put("metadata[purchase_id]", charge.purchaseId().toString());
        form.put("metadata[user_id]", charge.userId().toString());
        try {
            JsonNode intent = stripe.post("/v1/payment_intents", form, "topup-" + charge.purchaseId());
            if ("succeeded".equals(intent.path("status").asText())) {
                settle(charge, intent.path("id").asText(), null);
                metrics.counter("ai.topups.charged").increment();
            } else {
                // processing / requires_action: the provider's event decides (payment_intent.succeeded or failed).
                LOG.infof(
                        "auto top-up %s is %s at the provider",
                        charge.purchaseId(), intent.path("status").asText());
            }
        } catch (StripeClient.CardDeclined e) {
            settle(charge, null, e.getMessage());
            metrics.counter("ai.topups.declined").increment();
        } catch (StripeClient.Unreachable e) {
            LOG.infof(
                    "auto top-up %s not charged yet (retried with the same key): %s",
                    charge.purchaseId(), e.getMessage());
        }
    }

    /** Paid (the pack granted, once) or failed with the reason. */
    private void settle(Charge charge, String paymentIntent, String failure) {
        try {
            SystemContext.inNewTransactionFor(charge.userId(), () -> {
                // The account's lock first, as every change of a member's tokens takes it: the webhook applying
                // this very payment takes it first too, so the two queue instead of deadlocking on the purchase.
                ledger.existing(charge.userId());
                Purchase purchase = purchases.findById(charge.purchaseId());
                if (purchase == null) {
                    return null;
                }
                if (failure == null) {
                    payments.paid(purchase, paymentIntent);
                } else if (Purchase.PENDING.equals(purchase.status)) {
                    purchase.status = Purchase.FAILED;
                    purchase.failureReason = failure;
                    purchase.updatedAt = DatabaseClock.now();
                }
                return null;
            });
        } catch (MemberDeleted | NotFound e) {
            LOG.infof("auto top-up %s: the member was deleted meanwhile", charge.purchaseId());
        }
    }
}
