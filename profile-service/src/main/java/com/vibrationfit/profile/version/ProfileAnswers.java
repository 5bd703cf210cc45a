package com.vibrationfit.profile.version;

import com.vibrationfit.platform.media.MediaUrls;
import com.vibrationfit.platform.media.Recording;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.annotations.ColumnTransformer;

/**
 * Everything a member writes in a profile version: the columns of {@code user_profiles} other than
 * ids, versioning, bookkeeping, token and metadata columns. One class serves as the stored columns (embedded
 * in {@link ProfileVersion}), the JSON of the API (snake_case names = column names) and the input of
 * {@link ProfileRules} and {@link ProfileCompletion}. A PATCH names any of these fields; {@code null}
 * clears one. The bounds stated here ({@code @Schema(maxLength)}, {@code @Size} on lists) are what the OpenAPI
 * document states and what {@link ProfileRules} checks: it reads the maxLength of every text field from here.
 */
@Embeddable
@Schema(
        name = "ProfileAnswers",
        description = "The member-written fields of a profile version (columns of user_profiles)")
public class ProfileAnswers {

    // ===== BASIC PROFILE FIELDS =====
    @Schema(maxLength = ProfileRules.TEXT_MAX)
    public String firstName;

    @Schema(maxLength = ProfileRules.TEXT_MAX)
    public String lastName;

    @Schema(description = "an e-mail address", maxLength = ProfileRules.EMAIL_MAX)
    public String email;

    @Schema(
            description = "5 to 20 digits, an optional leading +, spaces, dots, dashes or parentheses",
            maxLength = ProfileRules.PHONE_MAX)
    public String phone;

    @Schema(description = "media_url of an uploaded profile_picture of yours", maxLength = MediaUrls.MAX_LENGTH)
    public String profilePictureUrl;

    @Schema(description = "a past date after 1900-01-01")
    public LocalDate dateOfBirth;

    @Schema(maxLength = ProfileRules.TEXT_MAX)
    public String gender;

    @Schema(maxLength = ProfileRules.TEXT_MAX)
    public String ethnicity;

    // ===== RELATIONSHIP & FAMILY =====
    @Schema(
            description = "free text; single, divorced, widowed, separated (or blank) mean not in a relationship",
            maxLength = ProfileRules.TEXT_MAX)
    public String relationshipStatus;

    @Schema(maxLength = ProfileRules.TEXT_MAX)
    public String relationshipLength;

    @Schema(maxLength = ProfileRules.TEXT_MAX)
    public String partnerName;

    public Boolean hasChildren = false;
    public Integer numberOfChildren = 0;

    @Column(columnDefinition = "text[]")
    @Schema(description = "one entry per child; as many as number_of_children when both are given")
    @Size(max = ProfileRules.MAX_CHILDREN)
    public List<@Size(max = ProfileRules.CHILD_AGE_MAX) String> childrenAges;

    // ===== LOCATION =====
    @Schema(maxLength = ProfileRules.TEXT_MAX)
    public String city;

    @Schema(maxLength = ProfileRules.TEXT_MAX)
    public String state;

    @Schema(maxLength = ProfileRules.TEXT_MAX)
    public String postalCode;

    @Schema(maxLength = ProfileRules.TEXT_MAX)
    public String country;

    @Schema(maxLength = ProfileRules.TEXT_MAX)
    public String livingSituation;

    @Schema(maxLength = ProfileRules.TEXT_MAX)
    public String timeAtLocation;

    // ===== CAREER & INCOME =====
    @Schema(maxLength = ProfileRules.TEXT_MAX)
    public String employmentType;

    @Schema(maxLength = ProfileRules.TEXT_MAX)
    public String occupation;

    @Schema(maxLength = ProfileRules.TEXT_MAX)
    public String company;

    @Schema(maxLength = ProfileRules.TEXT_MAX)
    public String timeInRole;

    @Schema(maxLength = ProfileRules.TEXT_MAX)
    public String currency;

    @Schema(maxLength = ProfileRules.TEXT_MAX)
    public String householdIncome;

    @Schema(maxLength = ProfileRules.TEXT_MAX)
    public String savingsRetirement;

    @Schema(maxLength = ProfileRules.TEXT_MAX)
    public String assetsEquity;

    @Schema(maxLength = ProfileRules.TEXT_MAX)
    public String consumerDebt;

    // ===== LIFE VISION STORIES (12 CATEGORIES) =====
    @Schema(maxLength = ProfileRules.STORY_MAX)
    public String currentStory;

    @Schema(maxLength = ProfileRules.STORY_MAX)
    public String desiredStory;

    @Schema(maxLength = ProfileRules.STORY_MAX)
    public String healthVitalityStory;

    @Schema(maxLength = ProfileRules.STORY_MAX)
    public String romancePartnershipStory;

    @Schema(maxLength = ProfileRules.STORY_MAX)
    public String familyParentingStory;

    @Schema(maxLength = ProfileRules.STORY_MAX)
    public String socialFriendsStory;

    @Schema(maxLength = ProfileRules.STORY_MAX)
    public String careerWorkStory;

    @Schema(maxLength = ProfileRules.STORY_MAX)
    public String moneyWealthStory;

    @Schema(maxLength = ProfileRules.STORY_MAX)
    public String funRecreationStory;

    @Schema(maxLength = ProfileRules.STORY_MAX)
    public String travelAdventureStory;

    @Schema(maxLength = ProfileRules.STORY_MAX)
    public String homeEnvironmentStory;

    @Schema(maxLength = ProfileRules.STORY_MAX)
    public String possessionsLifestyleStory;

    @Schema(maxLength = ProfileRules.STORY_MAX)
    public String spiritualityGrowthStory;

    @Schema(maxLength = ProfileRules.STORY_MAX)
    public String givingLegacyStory;

    // ===== STRUCTURED DATA (12 CATEGORIES) =====
    @Column(columnDefinition = "text[]")
    @Size(max = ProfileRules.LIST_MAX)
    public List<@Size(max = ProfileRules.HOBBY_MAX) String> hobbies;

    @Schema(maxLength = ProfileRules.TEXT_MAX)
    public String leisureTimeWeekly;

    @Schema(enumeration = {"never", "yearly", "quarterly", "monthly"})
    public String travelFrequency;

    public Boolean passport;
    public Integer countriesVisited;

    @Schema(maxLength = ProfileRules.TEXT_MAX)
    public String closeFriendsCount;

    @Schema(enumeration = {"introvert", "ambivert", "extrovert"})
    public String socialPreference;

    @Schema(enumeration = {"minimalist", "moderate", "comfortable", "luxury"})
    public String lifestyleCategory;

    @Schema(maxLength = ProfileRules.TEXT_MAX)
    public String primaryVehicle;

    @Schema(maxLength = ProfileRules.TEXT_MAX)
    public String spiritualPractice;

    @Schema(maxLength = ProfileRules.TEXT_MAX)
    public String meditationFrequency;

    public Boolean personalGrowthFocus;

    @Schema(maxLength = ProfileRules.TEXT_MAX)
    public String volunteerStatus;

    @Schema(maxLength = ProfileRules.TEXT_MAX)
    public String charitableGiving;

    public Boolean legacyMindset;

    @Schema(maxLength = ProfileRules.TEXT_MAX)
    public String units;

    public Integer height;
    public Integer weight;

    @Schema(maxLength = ProfileRules.TEXT_MAX)
    public String exerciseFrequency;

    @Schema(maxLength = ProfileRules.NOTES_MAX)
    public String healthConditions;

    @Schema(maxLength = ProfileRules.NOTES_MAX)
    public String medications;

    @Schema(maxLength = ProfileRules.TEXT_MAX)
    public String educationLevel;

    // ===== MEDIA =====
    @Column(columnDefinition = "text[]")
    @Schema(description = "media_urls of uploaded progress_photo objects of yours")
    @Size(max = ProfileRules.LIST_MAX)
    public List<@Size(max = MediaUrls.MAX_LENGTH) String> progressPhotos;

    @Convert(converter = RecordingsColumn.class)
    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "cast(? as jsonb)")
    @Schema(description = "voice or video recordings of your stories (each url an uploaded story_recording of yours)")
    @Size(max = ProfileRules.MAX_RECORDINGS)
    public List<Recording> storyRecordings;
}
