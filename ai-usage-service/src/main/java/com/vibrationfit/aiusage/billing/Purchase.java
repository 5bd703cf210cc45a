package com.vibrationfit.aiusage.billing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Something a member pays for: a pack, a plan's first cycle or a renewal, an auto top-up. */
@Entity
@Table(name = "token_purchases")
public class Purchase extends PanacheEntityBase {

    public static final String PACK = "pack";
    public static final String PLAN = "plan";
    public static final String RENEWAL = "renewal";
    public static final String AUTO_TOPUP = "auto_topup";

    public static final String PENDING = "pending";
    public static final String PAID = "paid";
    public static final String FAILED = "failed";
    public static final String REFUNDED = "refunded";
    public static final String CANCELED = "canceled";

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public UUID userId;

    @Column(nullable = false, updatable = false)
    public String kind;

    @Column(nullable = false, updatable = false)
    public String offerId;

    @Column(nullable = false)
    public Integer tokens;

    @Column(nullable = false)
    public Integer amountCents;

    @Column(nullable = false)
    public String currency;

    @Column(nullable = false)
    public String status;

    public String checkoutSessionId;
    public String paymentIntentId;
    public String invoiceId;
    public UUID grantId;
    public String failureReason;

    @Column(nullable = false, updatable = false)
    public Instant createdAt;

    @Column(nullable = false)
    public Instant updatedAt;

    public Instant paidAt;
}
