package com.vibrationfit.profile.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vibrationfit.platform.errors.FieldError;
import java.lang.reflect.Field;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.junit.jupiter.api.Test;

class ProfileRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

    private static List<String> fields(ProfileAnswers a) {
        return ProfileRules.problems(a, null, TODAY).stream()
                .map(FieldError::field)
                .toList();
    }

    @Test
    void shouldAcceptACompleteProfile() {
        assertEquals(List.of(), fields(ProfileCompletionTest.complete()));
    }

    @Test
    void shouldWantABirthDateInThePast() {
        ProfileAnswers a = new ProfileAnswers();
        a.dateOfBirth = TODAY;
        assertEquals(List.of("date_of_birth"), fields(a));
        a.dateOfBirth = TODAY.minusDays(1);
        assertEquals(List.of(), fields(a));
        a.dateOfBirth = LocalDate.of(1899, 12, 31);
        assertEquals(List.of("date_of_birth"), fields(a));
        a.dateOfBirth = LocalDate.of(1900, 1, 1);
        assertEquals(List.of(), fields(a));
    }

    @Test
    void shouldCheckTheSeedsEnumerations() {
        ProfileAnswers a = new ProfileAnswers();
        for (String ok : ProfileRules.TRAVEL_FREQUENCIES) {
            a.travelFrequency = ok;
            assertEquals(List.of(), fields(a));
        }
        a.travelFrequency = "Monthly"; // values are exact
        a.socialPreference = "extravert";
        a.lifestyleCategory = "";
        assertEquals(List.of("travel_frequency", "social_preference", "lifestyle_category"), fields(a));
    }

    @Test
    void shouldBoundCountsAndMeasures() {
        ProfileAnswers a = new ProfileAnswers();
        a.numberOfChildren = 0;
        a.countriesVisited = 250;
        a.height = 0;
        a.weight = 1000;
        assertEquals(List.of(), fields(a));
        a.countriesVisited = 251;
        a.height = -1;
        assertEquals(List.of("countries_visited", "height"), fields(a));
    }

    @Test
    void shouldKeepChildrenConsistent() {
        ProfileAnswers a = new ProfileAnswers();
        a.hasChildren = true;
        a.numberOfChildren = 2;
        a.childrenAges = List.of("3");
        assertEquals(List.of("children_ages"), fields(a));
        a.childrenAges = List.of("3", "5");
        assertEquals(List.of(), fields(a));
        a.numberOfChildren = null; // only one of the two given: nothing to compare
        assertEquals(List.of(), fields(a));
        a.hasChildren = false;
        a.numberOfChildren = 1;
        a.childrenAges = null;
        assertEquals(List.of("has_children"), fields(a));
    }

    @Test
    void shouldWantPlausibleContactDetails() {
        ProfileAnswers a = new ProfileAnswers();
        for (String email : List.of("ana@example.com", "a.b+c@mail.co.uk")) {
            a.email = email;
            assertEquals(List.of(), fields(a), email);
        }
        for (String email : List.of("ana", "ana@example", "ana @example.com", "@example.com", "a@b.c")) {
            a.email = email;
            assertEquals(List.of("email"), fields(a), email);
        }
        a.email = null;
        for (String phone : List.of("+351 912 345 678", "(555) 123-4567", "555.1234")) {
            a.phone = phone;
            assertEquals(List.of(), fields(a), phone);
        }
        for (String phone : List.of("1234", "call me", "+1 555 CALL NOW", "1".repeat(21))) {
            a.phone = phone;
            assertEquals(List.of("phone"), fields(a), phone);
        }
    }

    @Test
    void shouldBoundTextLengths() {
        ProfileAnswers a = new ProfileAnswers();
        a.firstName = "x".repeat(200);
        a.currentStory = "x".repeat(20_000);
        assertEquals(List.of(), fields(a));
        a.firstName = "x".repeat(201);
        a.givingLegacyStory = "x".repeat(20_001);
        assertTrue(fields(a).containsAll(List.of("first_name", "giving_legacy_story")));
        assertEquals(
                List.of("version_notes"),
                ProfileRules.problems(new ProfileAnswers(), "n".repeat(2001), TODAY).stream()
                        .map(FieldError::field)
                        .toList());
    }

    @Test
    void shouldHoldEveryTextFieldToTheBoundTheDocumentStates() throws Exception {
        int checked = 0;
        for (Field field : ProfileAnswers.class.getDeclaredFields()) {
            if (field.getType() != String.class) {
                continue;
            }
            Schema schema = field.getAnnotation(Schema.class);
            assertTrue(
                    schema != null && (schema.maxLength() != Integer.MAX_VALUE || schema.enumeration().length > 0),
                    field.getName() + " states no maxLength or enumeration");
            if (schema.maxLength() == Integer.MAX_VALUE
                    || field.getName().equals("email")
                    || field.getName().equals("phone")) {
                continue; // an enumeration, or a rule of its own (shouldWantPlausibleContactDetails)
            }
            ProfileAnswers a = new ProfileAnswers();
            field.set(a, "x".repeat(schema.maxLength()));
            assertEquals(List.of(), fields(a), field.getName());
            field.set(a, "x".repeat(schema.maxLength() + 1));
            assertEquals(1, fields(a).size(), field.getName());
            checked++;
        }
        assertEquals(ProfileRules.BOUNDED_TEXTS.size(), checked);
    }

    @Test
    void shouldRefuseTheSamePhotoTwice() {
        ProfileAnswers a = new ProfileAnswers();
        a.progressPhotos = List.of("a", "b", "a");
        assertEquals(List.of("progress_photos[2]"), fields(a));
    }
}
