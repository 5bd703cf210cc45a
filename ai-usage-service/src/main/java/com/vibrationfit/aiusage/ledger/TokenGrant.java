package com.vibrationfit.aiusage.ledger;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A lot of tokens a member received (amount = consumed + expired + revoked + remaining), or an admin deduction. */
@Entity
@Table(name = "token_grants")
public class TokenGrant extends PanacheEntityBase {

    public static final String INITIAL = "initial";
    public static final String DRIP = "drip";
    public static final String TOPUP = "topup";
    public static final String ADMIN_GRANT = "admin_grant";
    public static final String ADMIN_DEDUCTION = "admin_deduction";
    /** One paid cycle of a plan: spendable in that cycle and the rollover cycles after it. */
    public static final String PLAN = "plan";
    /** A pack bought (checkout or auto top-up): never expires. */
    public static final String PURCHASE = "purchase";
    /** The longest reason an admin gives for a grant or deduction. */
    public static final int REASON_MAX_LENGTH = 500;

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public UUID userId;

    @Column(nullable = false, updatable = false)
    public String kind;

    @Column(nullable = false, updatable = false)
    public Integer amount;

    @Column(nullable = false)
    public Integer consumed = 0;

    @Column(nullable = false)
    public Integer expired = 0;

    @Column(nullable = false)
    public Integer revoked = 0;

    @Column(nullable = false)
    public Integer remaining;

    public Instant expiresAt;
    public Integer cycle;
    public String packId;

    @Column(precision = 10, scale = 2)
    public BigDecimal chargedCents;

    public String reason;
    public UUID grantedBy;

    @Column(nullable = false, updatable = false)
    public Instant createdAt;

    Lot lot() {
        return new Lot(id, remaining, expiresAt, createdAt);
    }
}
