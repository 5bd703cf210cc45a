package com.vibrationfit.aiusage.ledger;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Tokens held while a paid call runs: open, then captured (at the actual cost), released or expired. */
@Entity
@Table(name = "token_reservations")
public class TokenReservation extends PanacheEntityBase {

    public static final String OPEN = "open";
    public static final String CAPTURED = "captured";
    public static final String RELEASED = "released";
    public static final String EXPIRED = "expired";

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public UUID userId;

    @Column(nullable = false, updatable = false)
    public String actionType;

    @Column(nullable = false, updatable = false)
    public Integer estimatedTokens;

    @Column(nullable = false)
    public String status = OPEN;

    @Column(nullable = false)
    public Integer chargedTokens = 0;

    public UUID usageId;

    @Column(nullable = false, updatable = false)
    public String caller;

    @Column(nullable = false, updatable = false)
    public Instant createdAt;

    @Column(nullable = false)
    public Instant expiresAt;

    public Instant settledAt;
}
