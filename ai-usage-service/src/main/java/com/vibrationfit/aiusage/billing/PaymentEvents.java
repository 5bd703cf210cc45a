package com.vibrationfit.aiusage.billing;

import com.fasterxml.jackson.databind.JsonNode;
import com.vibrationfit.aiusage.ledger.PaidGrants;
import com.vibrationfit.aiusage.ledger.TokenAccount;
import com.vibrationfit.aiusage.ledger.TokenGrant;
import com.vibrationfit.platform.errors.NotFound;
import com.vibrationfit.platform.security.MemberDeleted;
import com.vibrationfit.platform.security.SystemContext;
import com.vibrationfit.platform.time.DatabaseClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The provider's events, each applied once: the event's id is recorded in the same transaction as its effect, so a
 * redelivery (Stripe retries until it gets a 2xx, and may send an event twice) changes nothing. Every event names its
 * member in the metadata this service put on the objects it created, so events arriving in any order stand alone.
 * Tokens are granted here and only here: when the provider says a payment succeeded.
 */
@ApplicationScoped
public class PaymentEvents {

    private static final Logger LOG = Logger.getLogger(PaymentEvents.class);

    @Inject
    EntityManager em;

    @Inject
    Purchases purchases;

    @Inject
    PaidGrants ledger;

    @Inject
    BillingConfig config;

    /** Applies one verified event; false when it had been applied before (or concerns nobody here any more). */
    public boolean apply(JsonNode event) {
        String id = event.path("id").asText("");
        String type = event.path("type").asText("");
        JsonNode object = event.path("data").path("object");
        Optional<UUID> member = memberOf(object);
        if (member.isEmpty()) {
            LOG.infof("payment event %s (%s) names no member of ours: ignored", id, type);
            return false;
        }
        try {
            return SystemContext.inNewTransactionFor(member.get(), () -> {
                if (!firstTime(id, type)) {
                    return false;
                }
                ledger.lock(member.get());
                switch (type) {
                    case "checkout.session.completed" -> sessionCompleted(member.get(), object);
                    case "checkout.session.expired" -> sessionExpired(object);
                    case "payment_intent.succeeded" -> paymentSucceeded(member.get(), object);
                    case "payment_intent.payment_failed" -> paymentFailed(object);
                    case "invoice.paid" -> invoicePaid(member.get(), object);
                    case "invoice.payment_failed" -> planStatus(member.get(), object.path("subscription"), "past_due");
                    case "customer.subscription.created" -> subscriptionCreated(member.get(), object);
                    case "customer.subscription.updated" ->
                        planStatus(
                                member.get(),
                                object.path("id"),
                                object.path("cancel_at_period_end").asBoolean() ? "canceling" : "active");
                    case "customer.subscription.deleted" -> subscriptionEnded(member.get(), object);
                    case "charge.refunded" -> refunded(object);
                    default -> LOG.debugf("payment event %s of type %s: nothing to do", id, type);
                }
                return true;
            });
        } catch (MemberDeleted | NotFound e) {
            // Gone means gone: a payment event about a deleted member recreates nothing.
            LOG.infof("payment event %s (%s) is about a deleted member: ignored", id, type);
            return false;
        }
    }

    private boolean firstTime(String id, String type) {
        return em.createNativeQuery("insert into payment_events (id, type) values (?1, ?2) on conflict do nothing")
                        .setParameter(1, id)
                        .setParameter(2, type)
                        .executeUpdate()
                == 1;
    }

    /** Our member: the user_id this service put in the metadata (the subscription's, on an invoice). */
    static Optional<UUID> memberOf(JsonNode object) {
        for (JsonNode metadata : new JsonNode[] {
            object.path("metadata"),
            object.path("subscription_details").path("metadata"),
            object.path("parent").path("subscription_details").path("metadata")
        }) {
            String value = metadata.path("user_id").asText("");
            if (!value.isEmpty()) {
                try {
                    return Optional.of(UUID.fromString(value));
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<UUID> purchaseOf(JsonNode metadata) {
        try {
            String value = metadata.path("purchase_id").asText("");
            return value.isEmpty() ? Optional.empty() : Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private void sessionCompleted(UUID member, JsonNode session) {
        TokenAccount account = ledger.lock(member);
        if (account.paymentCustomerId == null && session.hasNonNull("customer")) {
            account.paymentCustomerId = session.path("customer").asText();
        }
        if ("subscription".equals(session.path("mode").asText())) {
            // The plan's tokens come with its paid invoice (invoice.paid); here the subscription is remembered.
            account.paymentSubscriptionId = session.path("subscription").asText();
            account.updatedAt = DatabaseClock.now();
            return;
        }
        if ("paid".equals(session.path("payment_status").asText())) {
            purchaseOf(session.path("metadata"))
                    .flatMap(purchases::findByIdOptional)
                    .ifPresent(purchase ->
                            paid(purchase, session.path("payment_intent").asText(null)));
        }
    }

    private void sessionExpired(JsonNode session) {
        purchaseOf(session.path("metadata"))
                .flatMap(purchases::findByIdOptional)
                .ifPresent(purchase -> {
                    if (Purchase.PENDING.equals(purchase.status)) {
                        purchase.status = Purchase.CANCELED;
                        purchase.updatedAt = DatabaseClock.now();
                    }
                });
    }

    private void paymentSucceeded(UUID member, JsonNode intent) {
        saveCard(member, intent.path("customer"), intent.path("payment_method"));
        purchaseOf(intent.path("metadata"))
                .flatMap(purchases::findByIdOptional)
                .ifPresent(purchase -> paid(purchase, intent.path("id").asText()));
    }

    private void paymentFailed(JsonNode intent) {
        String reason = intent.path("last_payment_error").path("message").asText("the payment failed");
        purchaseOf(intent.path("metadata")).flatMap(purchases::findByIdOptional).ifPresent(purchase -> {
            if (!Purchase.PENDING.equals(purchase.status)) {
                return;
            }
            purchase.failureReason = reason;
            purchase.paymentIntentId = intent.path("id").asText(purchase.paymentIntentId);
            if (Purchase.AUTO_TOPUP.equals(purchase.kind)) {
                purchase.status = Purchase.FAILED; // a checkout stays open: the member may try another card
            }
            purchase.updatedAt = DatabaseClock.now();
        });
    }

    private void invoicePaid(UUID member, JsonNode invoice) {
        String invoiceId = invoice.path("id").asText();
        if (purchases.byInvoice(invoiceId).isPresent()) {
            return;
        }
        JsonNode metadata = invoice.path("parent").path("subscription_details").path("metadata");
        if (metadata.isMissingNode() || metadata.isEmpty()) {
            metadata = invoice.path("subscription_details").path("metadata");
        }
        String planId = metadata.path("offer_id").asText("");
        BillingConfig.PaidPlan plan = config.plans().get(planId);
        if (plan == null) {
            LOG.warnf("invoice %s is for plan '%s', which is not configured: no tokens granted", invoiceId, planId);
            return;
        }
        JsonNode period = invoice.path("lines").path("data").path(0).path("period");
        Instant start = Instant.ofEpochSecond(
                period.path("start").asLong(invoice.path("period_start").asLong()));
        Instant end = Instant.ofEpochSecond(
                period.path("end").asLong(invoice.path("period_end").asLong()));
        Purchase purchase = "subscription_create"
                        .equals(invoice.path("billing_reason").asText())
                ? purchaseOf(metadata).flatMap(purchases::findByIdOptional).orElse(null)
                : null;
        if (purchase == null) {
            purchase = new Purchase();
            purchase.id = UUID.randomUUID();
            purchase.userId = member;
            purchase.kind = Purchase.RENEWAL;
            purchase.offerId = planId;
            purchase.tokens = plan.tokensPerCycle();
            purchase.currency = invoice.path("currency").asText(config.currency());
            purchase.amountCents = invoice.path("amount_paid").asInt(plan.priceCents());
            purchase.status = Purchase.PENDING;
            purchase.updatedAt = DatabaseClock.now();
            purchase.createdAt = purchase.updatedAt;
            purchases.persist(purchase);
        }
        if (!Purchase.PENDING.equals(purchase.status)) {
            return;
        }
        purchase.invoiceId = invoiceId;
        purchase.amountCents = invoice.path("amount_paid").asInt(plan.priceCents());
        purchase.paymentIntentId = invoice.hasNonNull("payment_intent")
                ? invoice.path("payment_intent").asText()
                : null;
        TokenGrant grant = ledger.planCycle(
                member, planId, plan.tokensPerCycle(), purchase.amountCents, start, end, config.cycle());
        TokenAccount account = ledger.lock(member);
        account.paymentSubscriptionId = invoice.path("subscription").asText(account.paymentSubscriptionId);
        markPaid(purchase, grant);
    }

    private void planStatus(UUID member, JsonNode subscription, String status) {
        TokenAccount account = ledger.lock(member);
        if (subscription.asText("").equals(account.paymentSubscriptionId)) {
            account.planStatus = status;
            account.updatedAt = DatabaseClock.now();
        }
    }

    /** The card a plan was bought with (the subscription's default) is the one auto top-up charges from now on. */
    private void subscriptionCreated(UUID member, JsonNode subscription) {
        saveCard(member, subscription.path("customer"), subscription.path("default_payment_method"));
    }

    /** The card the member last paid with (a pack's or a plan's) is the one auto top-up charges. */
    private void saveCard(UUID member, JsonNode customer, JsonNode method) {
        if (customer.asText("").isEmpty() || method.asText("").isEmpty()) {
            return;
        }
        TokenAccount account = ledger.lock(member);
        account.paymentCustomerId = customer.asText();
        account.paymentMethodId = method.asText();
        account.updatedAt = DatabaseClock.now();
    }

    private void subscriptionEnded(UUID member, JsonNode subscription) {
        TokenAccount account = ledger.lock(member);
        if (subscription.path("id").asText("").equals(account.paymentSubscriptionId)) {
            ledger.toFreePlan(member);
        }
    }

    private void refunded(JsonNode charge) {
        String intent = charge.path("payment_intent").asText("");
        purchases.byPaymentIntent(intent).ifPresent(purchase -> {
            if (!Purchase.PAID.equals(purchase.status)) {
                return;
            }
            int revoked = purchase.grantId == null ? 0 : ledger.revoke(purchase.userId, purchase.grantId);
            purchase.status = Purchase.REFUNDED;
            purchase.failureReason = null;
            purchase.updatedAt = DatabaseClock.now();
            LOG.infof("purchase %s refunded: %d unspent tokens revoked", purchase.id, revoked);
        });
    }

    /** A pack (checkout or auto top-up) paid: its tokens, once. */
    void paid(Purchase purchase, String paymentIntent) {
        if (!Purchase.PENDING.equals(purchase.status) && !Purchase.FAILED.equals(purchase.status)) {
            return;
        }
        if (paymentIntent != null && purchase.paymentIntentId == null) {
            purchase.paymentIntentId = paymentIntent;
        }
        if (Purchase.PLAN.equals(purchase.kind) || Purchase.RENEWAL.equals(purchase.kind)) {
            return; // a plan's tokens come with its invoice
        }
        TokenGrant grant = ledger.pack(
                purchase.userId,
                purchase.offerId,
                purchase.tokens,
                purchase.amountCents,
                (Purchase.AUTO_TOPUP.equals(purchase.kind) ? "auto top-up" : "bought") + ": pack " + purchase.offerId);
        markPaid(purchase, grant);
    }

    private static void markPaid(Purchase purchase, TokenGrant grant) {
        purchase.status = Purchase.PAID;
        purchase.grantId = grant.id;
        purchase.failureReason = null;
        purchase.paidAt = DatabaseClock.now();
        purchase.updatedAt = purchase.paidAt;
    }
}
