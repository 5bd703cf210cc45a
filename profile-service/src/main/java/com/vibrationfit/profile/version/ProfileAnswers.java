package com.vibrationfit.profile.version;

import com.vibrationfit.platform.media.Recording;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.annotations.ColumnTransformer;

/**
 * Everything a member writes in a profile version: the columns of {@code user_profiles} other than
 * ids, versioning, bookkeeping, token and metadata columns. One class serves as the stored columns (embedded
 * in {@link ProfileVersion}), the JSON of the API (snake_case names = column names) and the input of
 * {@link ProfileRules} and {@link ProfileCompletion}. A PATCH names any of these fields; {@code null}
 * clears one.
 */
@Embeddable
@Schema(
        name = "ProfileAnswers",
        description = "The member-written fields of a profile version (columns of user_profiles)")
public class ProfileAnswers {

    // ===== BASIC PROFILE FIELDS =====
    public String firstName;
    public String lastName;
    public String email;
    public String phone;

    @Schema(description = "media_url of an uploaded profile_picture of yours")
    public String profilePictureUrl;

    @Schema(description = "a past date after 1900-01-01")
    public LocalDate dateOfBirth;

    public String gender;
    public String ethnicity;

    // ===== RELATIONSHIP & FAMILY =====
    @Schema(description = "free text; single, divorced, widowed, separated (or blank) mean not in a relationship")
    public String relationshipStatus;

    public String relationshipLength;
    public String partnerName;
    public Boolean hasChildren = false;
    public Integer numberOfChildren = 0;

    @Column(columnDefinition = "text[]")
    @Schema(description = "one entry per child; as many as number_of_children when both are given")
    public List<String> childrenAges;

    // ===== LOCATION =====
    public String city;
    public String state;
    public String postalCode;
    public String country;
    public String livingSituation;
    public String timeAtLocation;

    // ===== CAREER & INCOME =====
    public String employmentType;
    public String occupation;
    public String company;
    public String timeInRole;
    public String currency;
    public String householdIncome;
    public String savingsRetirement;
    public String assetsEquity;
    public String consumerDebt;

    // ===== LIFE VISION STORIES (12 CATEGORIES) =====
    public String currentStory;
    public String desiredStory;
    public String healthVitalityStory;
    public String romancePartnershipStory;
    public String familyParentingStory;
    public String socialFriendsStory;
    public String careerWorkStory;
    public String moneyWealthStory;
    public String funRecreationStory;
    public String travelAdventureStory;
    public String homeEnvironmentStory;
    public String possessionsLifestyleStory;
    public String spiritualityGrowthStory;
    public String givingLegacyStory;

    // ===== STRUCTURED DATA (12 CATEGORIES) =====
    @Column(columnDefinition = "text[]")
    public List<String> hobbies;

    public String leisureTimeWeekly;

    @Schema(enumeration = {"never", "yearly", "quarterly", "monthly"})
    public String travelFrequency;

    public Boolean passport;
    public Integer countriesVisited;
    public String closeFriendsCount;

    @Schema(enumeration = {"introvert", "ambivert", "extrovert"})
    public String socialPreference;

    @Schema(enumeration = {"minimalist", "moderate", "comfortable", "luxury"})
    public String lifestyleCategory;

    public String primaryVehicle;
    public String spiritualPractice;
    public String meditationFrequency;
    public Boolean personalGrowthFocus;
    public String volunteerStatus;
    public String charitableGiving;
    public Boolean legacyMindset;
    public String units;
    public Integer height;
    public Integer weight;
    public String exerciseFrequency;
    public String healthConditions;
    public String medications;
    public String educationLevel;

    // ===== MEDIA =====
    @Column(columnDefinition = "text[]")
    @Schema(description = "media_urls of uploaded progress_photo objects of yours")
    public List<String> progressPhotos;

    @Convert(converter = RecordingsColumn.class)
    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "cast(? as jsonb)")
    @Schema(description = "voice or video recordings of your stories (each url an uploaded story_recording of yours)")
    public List<Recording> storyRecordings;
}
