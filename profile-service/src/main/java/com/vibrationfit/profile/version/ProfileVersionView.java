package com.vibrationfit.profile.version;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import com.vibrationfit.events.AiBalanceChanged;
import com.vibrationfit.platform.media.MediaLinks;
import com.vibrationfit.platform.media.RecordingView;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

/**
 * A profile version as the API returns it: every column of {@code user_profiles}, by its name.
 * The member-written fields are {@link ProfileAnswers}, inlined; beside its media references are their links
 * ({@code profile_picture_link}, {@code progress_photo_links}, {@code story_recordings[].link}; see
 * {@link MediaLinks}).
 */
@Schema(
        name = "ProfileVersion",
        description = "A profile version: every column of user_profiles. Only the "
                + "ProfileAnswers fields and version_notes are writable; the rest is read-only.",
        // The inlined answers' story_recordings is left out of the JSON in favour of the linked one below; the
        // schema says so here (the scanner would otherwise keep the inlined Recording items).
        properties =
                @SchemaProperty(
                        name = "story_recordings",
                        type = SchemaType.ARRAY,
                        implementation = RecordingView.class,
                        maxItems = ProfileRules.MAX_RECORDINGS,
                        description = ProfileVersionView.STORY_RECORDINGS))
@JsonPropertyOrder({
    "id",
    "user_id",
    "version_number",
    "is_draft",
    "is_active",
    "version_notes",
    "parent_version_id",
    "completion_percentage",
    "missing_fields"
})
public class ProfileVersionView {

    public UUID id;
    public UUID userId;
    public int versionNumber;
    public boolean isDraft;
    public boolean isActive;

    @Schema(maxLength = ProfileRules.NOTES_MAX)
    public String versionNotes;

    public UUID parentVersionId;

    @Schema(description = "share of the applicable fields answered, 0-100 (see README, completion rule)")
    public int completionPercentage;

    @Schema(
            description = "the applicable fields still unanswered, by JSON name, in the order a form shows them: what "
                    + "completion_percentage is missing (empty at 100)",
            maxItems = ProfileCompletion.MAX_FIELDS)
    public List<@Size(max = ProfileCompletion.MAX_FIELD_NAME) String> missingFields;

    /** Inlined; its {@code story_recordings} are shown below, each with its link. */
    @JsonUnwrapped
    @JsonIgnoreProperties({"story_recordings"})
    public ProfileAnswers answers;

    @Schema(description = "Link of profile_picture_url. " + MediaLinks.ABOUT_LINKS, maxLength = MediaLinks.MAX_LENGTH)
    public String profilePictureLink;

    @Schema(
            description = "Links of progress_photos, in the same order. " + MediaLinks.ABOUT_LINKS,
            maxItems = ProfileRules.LIST_MAX)
    public List<@Size(max = MediaLinks.MAX_LENGTH) String> progressPhotoLinks;

    static final String STORY_RECORDINGS = "voice or video recordings of your stories (each url an uploaded "
            + "story_recording of yours), each with the link of its url";

    @Schema(description = STORY_RECORDINGS, maxItems = ProfileRules.MAX_RECORDINGS)
    public List<RecordingView> storyRecordings;

    public Integer vibeAssistantTokensUsed;
    public Integer vibeAssistantTokensRemaining;
    public BigDecimal vibeAssistantTotalCost;
    public Integer tokenRolloverCycles;
    public Instant tokenLastDripDate;
    public Boolean autoTopupEnabled;

    @Schema(description = "the top-up pack ai-usage-service grants", maxLength = AiBalanceChanged.PACK_ID_MAX_LENGTH)
    public String autoTopupPackId;

    public Integer storageQuotaGb;

    @Schema(description = "metadata kept by the platform")
    public JsonNode aiTags;

    public Instant createdAt;
    public Instant updatedAt;
}
