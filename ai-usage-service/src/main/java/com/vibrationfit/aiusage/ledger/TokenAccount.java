package com.vibrationfit.aiusage.ledger;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A member's account: the row every change of their balance locks, the plan's drip and auto top-up settings. */
@Entity
@Table(name = "token_accounts")
public class TokenAccount extends PanacheEntityBase {

    @Id
    public UUID userId;

    @Column(nullable = false)
    public Integer monthlyDrip;

    @Column(nullable = false)
    public Integer dripCycle = 0;

    @Column(nullable = false)
    public Instant lastDripAt;

    @Column(nullable = false)
    public Boolean autoTopupEnabled = false;

    public String autoTopupPackId;

    public Instant lastTopupAt;

    /** The member's plan ({@code free} or a paid plan's id), and where its paid cycle stands. */
    @Column(nullable = false)
    public String planId = "free";

    @Column(nullable = false)
    public String planStatus = "active";

    public Instant planCycleStartedAt;
    public Instant planCycleEndsAt;

    /** The member at the payment provider: customer, subscription, the card saved for auto top-up. */
    public String paymentCustomerId;

    public String paymentSubscriptionId;
    public String paymentMethodId;

    @Column(nullable = false, updatable = false)
    public Instant createdAt;

    @Column(nullable = false)
    public Instant updatedAt;
}
