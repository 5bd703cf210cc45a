package com.vibrationfit.profile.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A user's deletion: requested (pending) until the identity provider no longer has them and user.deleted is out. */
@Entity
@Table(name = "account_deletions")
public class AccountDeletion {

    public static final String PENDING = "pending";
    public static final String ANNOUNCED = "announced";
    public static final String BY_MEMBER = "member";
    public static final String BY_ADMIN = "admin";
    public static final String BY_IDENTITY_PROVIDER = "identity_provider";

    @Id
    public UUID userId;

    @Column(nullable = false)
    public String origin;

    public UUID requestedBy;

    @Column(nullable = false)
    public String state;

    @Column(nullable = false)
    public int attempts;

    public String lastError;

    @Column(nullable = false)
    public Instant nextAttemptAt;

    @Column(nullable = false)
    public Instant requestedAt;

    public Instant identityDeletedAt;

    public Instant announcedAt;
}
