package com.vibrationfit.profile.version;

import com.vibrationfit.platform.errors.FieldError;
import com.vibrationfit.platform.media.Recording;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a profile version may hold. Each broken rule is one {@link FieldError} naming the field as the JSON
 * does ({@code children_ages[2]}, {@code story_recordings[0].url}); the service answers 400 with all of them.
 */
public final class ProfileRules {

    public static final Set<String> TRAVEL_FREQUENCIES = Set.of("never", "yearly", "quarterly", "monthly");
    public static final Set<String> SOCIAL_PREFERENCES = Set.of("introvert", "ambivert", "extrovert");
    public static final Set<String> LIFESTYLE_CATEGORIES = Set.of("minimalist", "moderate", "comfortable", "luxury");
    /** relationship_status values (case-insensitive) that mean "not in a relationship"; blank means so too. */
    public static final Set<String> NOT_IN_A_RELATIONSHIP = Set.of("single", "divorced", "widowed", "separated");

    public static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);
    public static final int STORY_MAX = 20_000;
    public static final int TEXT_MAX = 200;
    public static final int NOTES_MAX = 2_000;
    public static final int LIST_MAX = 50;
    public static final int MAX_CHILDREN = 30;
    public static final int MAX_RECORDINGS = 50;

    // Plausible, not RFC-complete: one @, no spaces, a dot in the domain.
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]{2,}");
    // Digits with the usual separators, an optional leading +; 5 to 20 digits.
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()./-]+");

    private ProfileRules() {}

    public static boolean inRelationship(ProfileAnswers a) {
        return a.relationshipStatus != null
                && !a.relationshipStatus.isBlank()
                && !NOT_IN_A_RELATIONSHIP.contains(a.relationshipStatus.strip().toLowerCase(Locale.ROOT));
    }

    public static boolean withChildren(ProfileAnswers a) {
        return Boolean.TRUE.equals(a.hasChildren) || (a.numberOfChildren != null && a.numberOfChildren > 0);
    }

    /** Every rule {@code a} breaks, for a version written on {@code today}. */
    public static List<FieldError> problems(ProfileAnswers a, String versionNotes, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> shortTexts = new LinkedHashMap<>();
        shortTexts.put("first_name", a.firstName);
        shortTexts.put("last_name", a.lastName);
        shortTexts.put("gender", a.gender);
        shortTexts.put("ethnicity", a.ethnicity);
        shortTexts.put("relationship_status", a.relationshipStatus);
        shortTexts.put("relationship_length", a.relationshipLength);
        shortTexts.put("partner_name", a.partnerName);
        shortTexts.put("city", a.city);
        shortTexts.put("state", a.state);
        shortTexts.put("postal_code", a.postalCode);
        shortTexts.put("country", a.country);
        shortTexts.put("living_situation", a.livingSituation);
        shortTexts.put("time_at_location", a.timeAtLocation);
        shortTexts.put("employment_type", a.employmentType);
        shortTexts.put("occupation", a.occupation);
        shortTexts.put("company", a.company);
        shortTexts.put("time_in_role", a.timeInRole);
        shortTexts.put("currency", a.currency);
        shortTexts.put("household_income", a.householdIncome);
        shortTexts.put("savings_retirement", a.savingsRetirement);
        shortTexts.put("assets_equity", a.assetsEquity);
        shortTexts.put("consumer_debt", a.consumerDebt);
        shortTexts.put("leisure_time_weekly", a.leisureTimeWeekly);
        shortTexts.put("close_friends_count", a.closeFriendsCount);
        shortTexts.put("primary_vehicle", a.primaryVehicle);
        shortTexts.put("spiritual_practice", a.spiritualPractice);
        shortTexts.put("meditation_frequency", a.meditationFrequency);
        shortTexts.put("volunteer_status", a.volunteerStatus);
        shortTexts.put("charitable_giving", a.charitableGiving);
        shortTexts.put("units", a.units);
        shortTexts.put("exercise_frequency", a.exerciseFrequency);
        shortTexts.put("education_level", a.educationLevel);
        shortTexts.forEach((field, value) -> maxLength(errors, field, value, TEXT_MAX));
        maxLength(errors, "health_conditions", a.healthConditions, NOTES_MAX);
        maxLength(errors, "medications", a.medications, NOTES_MAX);
        maxLength(errors, "version_notes", versionNotes, NOTES_MAX);
        stories(a).forEach((field, value) -> maxLength(errors, field, value, STORY_MAX));

        if (a.email != null
                && (a.email.length() > 254 || !EMAIL.matcher(a.email).matches())) {
            errors.add(new FieldError("email", "must be an e-mail address such as name@example.com"));
        }
        if (a.phone != null) {
            long digits = a.phone.chars().filter(Character::isDigit).count();
            if (a.phone.length() > 32 || !PHONE.matcher(a.phone).matches() || digits < 5 || digits > 20) {
                errors.add(new FieldError(
                        "phone",
                        "must be a phone number: 5 to 20 digits, an optional leading +, "
                                + "spaces, dots, dashes or parentheses"));
            }
        }
        if (a.dateOfBirth != null && (!a.dateOfBirth.isBefore(today) || a.dateOfBirth.isBefore(EARLIEST_BIRTH_DATE))) {
            errors.add(new FieldError("date_of_birth", "must be a past date after " + EARLIEST_BIRTH_DATE));
        }
        oneOf(errors, "travel_frequency", a.travelFrequency, TRAVEL_FREQUENCIES);
        oneOf(errors, "social_preference", a.socialPreference, SOCIAL_PREFERENCES);
        oneOf(errors, "lifestyle_category", a.lifestyleCategory, LIFESTYLE_CATEGORIES);
        range(errors, "number_of_children", a.numberOfChildren, MAX_CHILDREN);
        range(errors, "countries_visited", a.countriesVisited, 250);
        range(errors, "height", a.height, 300);
        range(errors, "weight", a.weight, 1_000);

        texts(errors, "children_ages", a.childrenAges, MAX_CHILDREN, 20);
        if (a.childrenAges != null && a.numberOfChildren != null && a.childrenAges.size() != a.numberOfChildren) {
            errors.add(new FieldError(
                    "children_ages",
                    "lists " + a.childrenAges.size() + " ages but number_of_children is " + a.numberOfChildren
                            + "; give one age per child"));
        }
        if (Boolean.FALSE.equals(a.hasChildren) && a.numberOfChildren != null && a.numberOfChildren > 0) {
            errors.add(new FieldError("has_children", "is false but number_of_children is " + a.numberOfChildren));
        }
        texts(errors, "hobbies", a.hobbies, LIST_MAX, 100);
        maxLength(errors, "profile_picture_url", a.profilePictureUrl, 2048);
        texts(errors, "progress_photos", a.progressPhotos, LIST_MAX, 2048);
        distinct(errors, "progress_photos", a.progressPhotos);
        recordings(errors, a.storyRecordings);
        return errors;
    }

    /** The 14 stories by field name, in column order. */
    static Map<String, String> stories(ProfileAnswers a) {
        Map<String, String> stories = new LinkedHashMap<>();
        stories.put("current_story", a.currentStory);
        stories.put("desired_story", a.desiredStory);
        stories.put("health_vitality_story", a.healthVitalityStory);
        stories.put("romance_partnership_story", a.romancePartnershipStory);
        stories.put("family_parenting_story", a.familyParentingStory);
        stories.put("social_friends_story", a.socialFriendsStory);
        stories.put("career_work_story", a.careerWorkStory);
        stories.put("money_wealth_story", a.moneyWealthStory);
        stories.put("fun_recreation_story", a.funRecreationStory);
        stories.put("travel_adventure_story", a.travelAdventureStory);
        stories.put("home_environment_story", a.homeEnvironmentStory);
        stories.put("possessions_lifestyle_story", a.possessionsLifestyleStory);
        stories.put("spirituality_growth_story", a.spiritualityGrowthStory);
        stories.put("giving_legacy_story", a.givingLegacyStory);
        return stories;
    }

    private static void recordings(List<FieldError> errors, List<Recording> recordings) {
        if (recordings == null) {
            return;
        }
        if (recordings.size() > MAX_RECORDINGS) {
            errors.add(new FieldError("story_recordings", "at most " + MAX_RECORDINGS + " recordings"));
            return;
        }
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < recordings.size(); i++) {
            Recording r = recordings.get(i);
            String at = "story_recordings[" + i + "]";
            if (r == null) {
                errors.add(new FieldError(at, "must be a recording object"));
                continue;
            }
            if (r.url() == null || r.url().isBlank()) {
                errors.add(new FieldError(at + ".url", "is required"));
            } else if (r.url().length() > 2048) {
                errors.add(new FieldError(at + ".url", "at most 2048 characters"));
            } else {
                Integer earlier = first.putIfAbsent(r.url(), i);
                if (earlier != null) {
                    errors.add(new FieldError(at + ".url", "the same url as story_recordings[" + earlier + "]"));
                }
            }
            if (r.type() == null) {
                errors.add(new FieldError(at + ".type", "is required: audio or video"));
            }
            if (r.duration() == null
                    || r.duration() < 0
                    || r.duration().isNaN()
                    || r.duration().isInfinite()) {
                errors.add(new FieldError(at + ".duration", "is required: seconds, zero or more"));
            }
            maxLength(errors, at + ".transcript", r.transcript(), 100_000);
            maxLength(errors, at + ".category", r.category(), 50);
        }
    }

    private static void maxLength(List<FieldError> errors, String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(new FieldError(field, "at most " + max + " characters"));
        }
    }

    private static void oneOf(List<FieldError> errors, String field, String value, Set<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            errors.add(new FieldError(
                    field, "must be one of " + allowed.stream().sorted().toList()));
        }
    }

    private static void range(List<FieldError> errors, String field, Integer value, int max) {
        if (value != null && (value < 0 || value > max)) {
            errors.add(new FieldError(field, "must be between 0 and " + max));
        }
    }

    private static void texts(List<FieldError> errors, String field, List<String> values, int maxItems, int maxLength) {
        if (values == null) {
            return;
        }
        if (values.size() > maxItems) {
            errors.add(new FieldError(field, "at most " + maxItems + " items"));
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (value == null || value.isBlank()) {
                errors.add(new FieldError(field + "[" + i + "]", "must not be blank"));
            } else {
                maxLength(errors, field + "[" + i + "]", value, maxLength);
            }
        }
    }

    private static void distinct(List<FieldError> errors, String field, List<String> values) {
        if (values == null) {
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            int earlier = values.indexOf(values.get(i));
            if (earlier < i && values.get(i) != null) {
                errors.add(new FieldError(field + "[" + i + "]", "the same as " + field + "[" + earlier + "]"));
            }
        }
    }
}
