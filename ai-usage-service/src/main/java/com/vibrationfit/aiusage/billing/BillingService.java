package com.vibrationfit.aiusage.billing;

import com.fasterxml.jackson.databind.JsonNode;
import com.vibrationfit.aiusage.ledger.LedgerRules;
import com.vibrationfit.aiusage.ledger.PaidGrants;
import com.vibrationfit.aiusage.ledger.TokenAccount;
import com.vibrationfit.aiusage.pricing.PriceTable;
import com.vibrationfit.platform.errors.Conflict;
import com.vibrationfit.platform.errors.FieldError;
import com.vibrationfit.platform.errors.InvalidRequest;
import com.vibrationfit.platform.errors.NotFound;
import com.vibrationfit.platform.security.MemberDeleted;
import com.vibrationfit.platform.security.SystemContext;
import com.vibrationfit.platform.time.DatabaseClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a member can buy and how: a pack (once) or a paid plan (per cycle), both through the provider's hosted
 * checkout; the member's plan and purchases. Nothing is granted here: {@link PaymentEvents} grants when the provider
 * says the payment succeeded. Provider calls happen between this service's short transactions, never inside one.
 */
@ApplicationScoped
public class BillingService {

    public static final String FREE = "free";

    @Inject
    PaymentCustomerEraser customers;

    @Inject
    BillingConfig config;

    @Inject
    PriceTable prices;

    @Inject
    StripeClient stripe;

    @Inject
    PaidGrants ledger;

    @Inject
    Purchases purchases;

    public Offers offers(UUID userId) {
        String current = SystemContext.inNewTransactionFor(userId, () -> ledger.lock(userId).planId);
        List<Offers.PlanOffer> plans = new ArrayList<>();
        plans.add(new Offers.PlanOffer(
                FREE, "Free", prices.plan().monthlyDrip(), 0, 0, LedgerRules.ROLLOVER_CYCLES, FREE.equals(current)));
        config.plans().entrySet().stream()
                .sorted(Comparator.comparingInt(e -> e.getValue().priceCents()))
                .forEach(e -> plans.add(new Offers.PlanOffer(
                        e.getKey(),
                        e.getValue().name(),
                        e.getValue().tokensPerCycle(),
                        e.getValue().priceCents(),
                        config.cycleDays(),
                        LedgerRules.ROLLOVER_CYCLES,
                        e.getKey().equals(current))));
        List<Offers.PackOffer> packs = prices.packs().entrySet().stream()
                .sorted(Comparator.comparingInt(e -> e.getValue().tokens()))
                .map(e -> new Offers.PackOffer(e.getKey(), e.getValue().tokens(), (int)
                        Math.round(e.getValue().priceCents())))
                .toList();
        return new Offers(plans, packs, config.currency());
    }

    /** The member's own plan (their account opened if this is their first call). */
    public PlanView plan(UUID userId) {
        return SystemContext.inNewTransactionFor(userId, () -> view(ledger.lock(userId)));
    }

    /** Any member's plan, for an admin: 404 when they have no account. */
    public PlanView existingPlan(UUID userId) {
        return SystemContext.inNewTransactionFor(userId, () -> view(ledger.existing(userId)));
    }

    PlanView view(TokenAccount account) {
        boolean free = FREE.equals(account.planId) || !config.plans().containsKey(account.planId);
        BillingConfig.PaidPlan paid = free ? null : config.plans().get(account.planId);
        return new PlanView(
                free ? FREE : account.planId,
                free ? "Free" : paid.name(),
                account.planStatus,
                free ? account.monthlyDrip : paid.tokensPerCycle(),
                free ? 0 : paid.priceCents(),
                free ? account.lastDripAt : account.planCycleStartedAt,
                free
                        ? LedgerRules.cycleStart(account.createdAt, account.dripCycle + 1)
                        : "canceling".equals(account.planStatus) ? null : account.planCycleEndsAt,
                LedgerRules.ROLLOVER_CYCLES,
                account.paymentMethodId != null,
                account.autoTopupEnabled,
                account.autoTopupPackId);
    }

    public List<PurchaseView> purchases(UUID userId, boolean open) {
        return SystemContext.inNewTransactionFor(userId, () -> {
            if (open) {
                ledger.lock(userId);
            } else {
                ledger.existing(userId);
            }
            return purchases.of(userId).stream().map(PurchaseView::of).toList();
        });
    }

    /** Opens the provider's checkout for a pack or a plan; the purchase is pending until the provider says paid. */
    public CheckoutView checkout(UUID userId, NewCheckout body) {
        InvalidRequest.requireBody(body, "{\"pack_id\": ...} or {\"plan_id\": ...}");
        boolean pack = body.packId() != null;
        if (pack == (body.planId() != null)) {
            throw new InvalidRequest(List.of(
                    new FieldError("pack_id", "give exactly one of pack_id and plan_id"),
                    new FieldError("plan_id", "give exactly one of pack_id and plan_id")));
        }
        if (pack && !prices.packs().containsKey(body.packId())) {
            throw InvalidRequest.of(
                    "pack_id",
                    "must be one of "
                            + prices.packs().keySet().stream().sorted().toList());
        }
        if (!pack && !config.plans().containsKey(body.planId())) {
            throw InvalidRequest.of(
                    "plan_id",
                    "must be one of "
                            + config.plans().keySet().stream().sorted().toList());
        }
        stripe.requireConfigured();
        String offer = pack ? body.packId() : body.planId();
        int tokens = pack
                ? prices.packs().get(offer).tokens()
                : config.plans().get(offer).tokensPerCycle();
        int cents = pack
                ? (int) Math.round(prices.packs().get(offer).priceCents())
                : config.plans().get(offer).priceCents();
        UUID purchaseId = UUID.randomUUID();
        String customer = SystemContext.inNewTransactionFor(userId, () -> {
            TokenAccount account = ledger.lock(userId);
            if (!pack && account.paymentSubscriptionId != null) {
                throw new Conflict(
                        "you are subscribed to the " + account.planId + " plan already: cancel it first",
                        List.of(new FieldError("plan_id", "already on a paid plan (" + account.planId + ")")));
            }
            Purchase purchase = new Purchase();
            purchase.id = purchaseId;
            purchase.userId = userId;
            purchase.kind = pack ? Purchase.PACK : Purchase.PLAN;
            purchase.offerId = offer;
            purchase.tokens = tokens;
            purchase.amountCents = cents;
            purchase.currency = config.currency();
            purchase.status = Purchase.PENDING;
            purchase.createdAt = DatabaseClock.now();
            purchase.updatedAt = purchase.createdAt;
            purchases.persist(purchase);
            return account.paymentCustomerId;
        });
        try {
            if (customer == null) {
                customer = customerOf(userId);
            }
            JsonNode session = stripe.post(
                    "/v1/checkout/sessions",
                    sessionForm(userId, purchaseId, pack, offer, tokens, cents, customer),
                    "checkout-" + purchaseId);
            String sessionId = session.path("id").asText();
            SystemContext.inNewTransactionFor(userId, () -> {
                Purchase purchase = purchases.findById(purchaseId);
                purchase.checkoutSessionId = sessionId;
                purchase.updatedAt = DatabaseClock.now();
                return null;
            });
            return new CheckoutView(purchaseId, session.path("url").asText());
        } catch (StripeClient.Unreachable | StripeClient.CardDeclined e) {
            SystemContext.inNewTransactionFor(userId, () -> {
                Purchase purchase = purchases.findById(purchaseId);
                purchase.status = Purchase.CANCELED;
                purchase.failureReason = e.getMessage();
                purchase.updatedAt = DatabaseClock.now();
                return null;
            });
            throw new PaymentsUnavailable("the payment provider is unavailable; nothing was charged, try again soon");
        }
    }

    /** The member's customer at the provider, made once (the idempotency key makes a retry find the same one). */
    private String customerOf(UUID userId) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("metadata[user_id]", userId.toString());
        String id = stripe.post("/v1/customers", form, "customer-" + userId)
                .path("id")
                .asText();
        try {
            SystemContext.inNewTransactionFor(userId, () -> {
                TokenAccount account = ledger.lock(userId);
                if (account.paymentCustomerId == null) {
                    account.paymentCustomerId = id;
                }
                return null;
            });
        } catch (MemberDeleted | NotFound e) {
            customers.queue(id); // deleted while the provider made it: it goes too
            throw e;
        }
        return id;
    }

    private Map<String, String> sessionForm(
            UUID userId, UUID purchaseId, boolean pack, String offer, int tokens, int cents, String customer) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("mode", pack ? "payment" : "subscription");
        form.put("customer", customer);
        form.put("client_reference_id", userId.toString());
        form.put("success_url", config.returnUrl() + "?checkout=success&purchase=" + purchaseId);
        form.put("cancel_url", config.returnUrl() + "?checkout=canceled&purchase=" + purchaseId);
        form.put("line_items[0][quantity]", "1");
        form.put("line_items[0][price_data][currency]", config.currency());
        form.put("line_items[0][price_data][unit_amount]", String.valueOf(cents));
        form.put(
                "line_items[0][price_data][product_data][name]",
                pack
                        ? String.format("%,d VibrationFit tokens", tokens)
                        : config.plans().get(offer).name()
                                + String.format(" plan: %,d tokens every %d days", tokens, config.cycleDays()));
        String prefix = pack ? "payment_intent_data[metadata]" : "subscription_data[metadata]";
        form.put("metadata[purchase_id]", purchaseId.toString());
        form.put("metadata[user_id]", userId.toString());
        form.put(prefix + "[purchase_id]", purchaseId.toString());
        form.put(prefix + "[user_id]", userId.toString());
        form.put(prefix + "[offer_id]", offer);
        if (pack) {
            // The card is saved for auto top-up, which charges it without the member present.
            form.put("payment_intent_data[setup_future_usage]", "off_session");
        } else {
            form.put("line_items[0][price_data][recurring][interval]", "day");
            form.put("line_items[0][price_data][recurring][interval_count]", String.valueOf(config.cycleDays()));
        }
        return form;
    }

    /** Ends the paid plan with the cycle already paid: the provider stops renewing; its tokens stay. */
    public PlanView cancelPlan(UUID userId) {
        String subscription =
                SystemContext.inNewTransactionFor(userId, () -> ledger.lock(userId).paymentSubscriptionId);
        if (subscription == null) {
            throw new Conflict(
                    "you are on the free plan: there is nothing to cancel", List.of(new FieldError("plan_id", "free")));
        }
        stripe.requireConfigured();
        try {
            stripe.post(
                    "/v1/subscriptions/" + subscription,
                    Map.of("cancel_at_period_end", "true"),
                    "cancel-" + subscription);
        } catch (StripeClient.Unreachable | StripeClient.CardDeclined e) {
            throw new PaymentsUnavailable("the payment provider is unavailable; the plan is unchanged, try again soon");
        }
        return SystemContext.inNewTransactionFor(userId, () -> {
            TokenAccount account = ledger.lock(userId);
            if (subscription.equals(account.paymentSubscriptionId)) {
                account.planStatus = "canceling";
                account.updatedAt = DatabaseClock.now();
            }
            return view(account);
        });
    }
}
