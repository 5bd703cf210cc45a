package com.vibrationfit.profile.version;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A profile version as the API returns it: every column of {@code user_profiles}, by its name.
 * The member-written fields are {@link ProfileAnswers}, inlined.
 */
@Schema(
        name = "ProfileVersion",
        description = "A profile version: every column of user_profiles. Only the "
                + "ProfileAnswers fields and version_notes are writable; the rest is read-only.")
@JsonPropertyOrder({
    "id",
    "user_id",
    "version_number",
    "is_draft",
    "is_active",
    "version_notes",
    "parent_version_id",
    "completion_percentage"
})
public class ProfileVersionView {

    public UUID id;
    public UUID userId;
    public int versionNumber;
    public boolean isDraft;
    public boolean isActive;
    public String versionNotes;
    public UUID parentVersionId;

    @Schema(description = "share of the applicable fields answered, 0-100 (see README, completion rule)")
    public int completionPercentage;

    @JsonUnwrapped
    public ProfileAnswers answers;

    public Integer vibeAssistantTokensUsed;
    public Integer vibeAssistantTokensRemaining;
    public BigDecimal vibeAssistantTotalCost;
    public Integer tokenRolloverCycles;
    public Instant tokenLastDripDate;
    public Boolean autoTopupEnabled;
    public String autoTopupPackId;
    public Integer storageQuotaGb;

    @Schema(description = "metadata kept by the platform")
    public JsonNode aiTags;

    public Instant createdAt;
    public Instant updatedAt;
}
