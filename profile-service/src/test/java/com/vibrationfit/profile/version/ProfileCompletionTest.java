package com.vibrationfit.profile.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vibrationfit.platform.media.Recording;
import com.vibrationfit.platform.media.RecordingType;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileCompletionTest {

    /** Every always-counted field answered; single, no children. */
    static ProfileAnswers complete() {
        ProfileAnswers a = new ProfileAnswers();
        a.firstName = "Ana";
        a.lastName = "Lima";
        a.email = "ana@example.com";
        a.phone = "+351 912 345 678";
        a.dateOfBirth = LocalDate.of(1990, 5, 17);
        a.gender = "female";
        a.ethnicity = "latina";
        a.relationshipStatus = "single";
        a.hasChildren = false;
        a.numberOfChildren = 0;
        a.city = "Lisbon";
        a.state = "Lisboa";
        a.postalCode = "1100";
        a.country = "PT";
        a.livingSituation = "rent";
        a.timeAtLocation = "2 years";
        a.employmentType = "employee";
        a.occupation = "nurse";
        a.company = "Hospital";
        a.timeInRole = "3 years";
        a.currency = "EUR";
        a.householdIncome = "40k";
        a.savingsRetirement = "10k";
        a.assetsEquity = "none";
        a.consumerDebt = "none";
        a.currentStory = "s";
        a.desiredStory = "s";
        a.healthVitalityStory = "s";
        a.romancePartnershipStory = "s";
        a.familyParentingStory = "s";
        a.socialFriendsStory = "s";
        a.careerWorkStory = "s";
        a.moneyWealthStory = "s";
        a.funRecreationStory = "s";
        a.travelAdventureStory = "s";
        a.homeEnvironmentStory = "s";
        a.possessionsLifestyleStory = "s";
        a.spiritualityGrowthStory = "s";
        a.givingLegacyStory = "s";
        a.hobbies = List.of("surf");
        a.leisureTimeWeekly = "10h";
        a.travelFrequency = "yearly";
        a.passport = true;
        a.countriesVisited = 4;
        a.closeFriendsCount = "5";
        a.socialPreference = "ambivert";
        a.lifestyleCategory = "moderate";
        a.primaryVehicle = "bike";
        a.spiritualPractice = "yoga";
        a.meditationFrequency = "daily";
        a.personalGrowthFocus = true;
        a.volunteerStatus = "monthly";
        a.charitableGiving = "some";
        a.legacyMindset = false;
        a.units = "metric";
        a.height = 168;
        a.weight = 60;
        a.exerciseFrequency = "3x week";
        a.healthConditions = "none";
        a.medications = "none";
        a.educationLevel = "bachelor";
        return a;
    }

    @Test
    void shouldBeHundredWhenEveryApplicableFieldIsAnswered() {
        assertEquals(100, ProfileCompletion.percentage(complete()));
        assertEquals(List.of(), ProfileCompletion.missingFields(complete()));
        assertEquals(60, ProfileCompletion.applicableFields(complete()).size());
    }

    @Test
    void shouldStayWithinTheBoundsTheApiDocuments() {
        ProfileAnswers all = complete();
        all.relationshipStatus = "Married";
        all.hasChildren = true;
        List<String> fields = ProfileCompletion.applicableFields(all);
        assertTrue(fields.size() <= ProfileCompletion.MAX_FIELDS, "missing_fields maxItems");
        assertTrue(fields.stream().allMatch(f -> f.length() <= ProfileCompletion.MAX_FIELD_NAME), "name maxLength");
    }

    @Test
    void shouldCountOnlyHasChildrenForAnEmptyProfile() {
        assertEquals(1, ProfileCompletion.percentage(new ProfileAnswers())); // has_children defaults to false: 1 of 60
        ProfileAnswers none = new ProfileAnswers();
        none.hasChildren = null;
        none.numberOfChildren = null;
        assertEquals(0, ProfileCompletion.percentage(none));
    }

    @Test
    void shouldCountPartnerFieldsOnlyInARelationship() {
        ProfileAnswers a = complete();
        a.relationshipStatus = "married";
        assertEquals(60 * 100 / 62, ProfileCompletion.percentage(a)); // 96: partner_name, relationship_length now apply
        assertEquals(List.of("relationship_length", "partner_name"), ProfileCompletion.missingFields(a));
        a.partnerName = "Rui";
        a.relationshipLength = "5 years";
        assertEquals(100, ProfileCompletion.percentage(a));
        for (String notInOne : List.of("single", "Divorced", " WIDOWED ", "separated", "  ")) {
            ProfileAnswers s = complete();
            s.relationshipStatus = notInOne;
            assertFalse(ProfileCompletion.applicableFields(s).contains("partner_name"), notInOne);
        }
    }

    @Test
    void shouldCountChildrensFieldsOnlyWithChildren() {
        ProfileAnswers a = complete();
        a.hasChildren = true;
        a.numberOfChildren = null;
        assertEquals(List.of("number_of_children", "children_ages"), ProfileCompletion.missingFields(a));
        assertEquals(60 * 100 / 62, ProfileCompletion.percentage(a));
        a.numberOfChildren = 2;
        a.childrenAges = List.of();
        assertEquals(List.of("children_ages"), ProfileCompletion.missingFields(a)); // an empty list is no answer
        a.childrenAges = List.of("3", "6");
        assertEquals(100, ProfileCompletion.percentage(a));
        ProfileAnswers counted = complete();
        counted.hasChildren = null;
        counted.numberOfChildren = 1; // a count above zero means children too
        assertTrue(ProfileCompletion.applicableFields(counted).contains("children_ages"));
    }

    @Test
    void shouldIgnoreMediaAndTreatBlankTextAsUnanswered() {
        ProfileAnswers a = complete();
        a.profilePictureUrl = "s3://vibrationfit-media/users/x/profile_picture/y.jpg";
        a.progressPhotos = List.of("p");
        a.storyRecordings = List.of(new Recording("u", "t", RecordingType.AUDIO, null, 1.0, null));
        assertEquals(100, ProfileCompletion.percentage(a));
        assertFalse(ProfileCompletion.applicableFields(a).contains("profile_picture_url"));
        a.city = "   ";
        a.hobbies = List.of();
        assertEquals(58 * 100 / 60, ProfileCompletion.percentage(a));
        a.passport = false; // false is an answer
        assertEquals(58 * 100 / 60, ProfileCompletion.percentage(a));
    }

    @Test
    void shouldRoundDown() {
        ProfileAnswers a = complete();
        a.medications = null; // 59 of 60 = 98.3
        assertEquals(98, ProfileCompletion.percentage(a));
    }
}
