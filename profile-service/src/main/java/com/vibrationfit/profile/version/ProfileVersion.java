package com.vibrationfit.profile.version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One version of a member's profile: a row of {@code user_profiles}. A version is the active
 * one ({@code is_active AND NOT is_draft}, at most one per member), the draft ({@code is_draft}, at most
 * one), or history (neither). Column names follow the field names (see application.properties).
 */
@Entity
@Table(name = "user_profiles")
public class ProfileVersion extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public UUID userId;

    @Embedded
    public ProfileAnswers answers = new ProfileAnswers();

    // ===== TOKEN TRACKING: read-only through the API (ai-usage projections will fill them) =====
    public Integer vibeAssistantTokensUsed = 0;
    public Integer vibeAssistantTokensRemaining = 100;

    @Column(precision = 10, scale = 2)
    public BigDecimal vibeAssistantTotalCost = BigDecimal.ZERO;

    public Integer tokenRolloverCycles = 0;
    public Instant tokenLastDripDate;
    public Boolean autoTopupEnabled = false;
    public String autoTopupPackId;
    public Integer storageQuotaGb = 5;

    // ===== VERSIONING SYSTEM =====
    public Integer versionNumber = 1;
    public Boolean isDraft = false;
    public Boolean isActive = false;
    public String versionNotes;
    public UUID parentVersionId;
    public Integer completionPercentage = 0;

    @JdbcTypeCode(SqlTypes.JSON)
    public String aiTags;

    @Column(updatable = false)
    public Instant createdAt;

    public Instant updatedAt;

    /** The member's current profile: committed and active. */
    public boolean active() {
        return Boolean.TRUE.equals(isActive) && !Boolean.TRUE.equals(isDraft);
    }

    public boolean draft() {
        return Boolean.TRUE.equals(isDraft);
    }

    /** Committed before and no longer active: read-only. */
    public boolean history() {
        return !active() && !draft();
    }
}
