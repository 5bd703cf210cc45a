package com.vibrationfit.profile.version;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code completion_percentage}: the share of the fields that apply to the member that they have answered,
 * rounded down (100 only when every applicable field is answered). Recomputed on every write.
 *
 * <ul>
 * <li>Always counted (60): the basic fields but the photo, relationship_status, has_children, location,
 * career and money, the 14 stories and the structured answers of the 12 categories, units, height, weight,
 * exercise, health, medications, education.</li>
 * <li>Counted only in a relationship ({@link ProfileRules#inRelationship}): relationship_length, partner_name.</li>
 * <li>Counted only with children ({@link ProfileRules#withChildren}): number_of_children, children_ages.</li>
 * <li>Never counted: media (profile_picture_url, progress_photos, story_recordings), version and bookkeeping
 * fields, token fields, ai_tags.</li>
 * </ul>
 * A field is answered when it is not null, not blank text and not an empty list; {@code false} is an answer.
 */
public final class ProfileCompletion {

    static final Map<String, Function<ProfileAnswers, Object>> ALWAYS = new LinkedHashMap<>();
    static final Map<String, Function<ProfileAnswers, Object>> IN_A_RELATIONSHIP = new LinkedHashMap<>();
    static final Map<String, Function<ProfileAnswers, Object>> WITH_CHILDREN = new LinkedHashMap<>();

    static {
        ALWAYS.put("first_name", a -> a.firstName);
        ALWAYS.put("last_name", a -> a.lastName);
        ALWAYS.put("email", a -> a.email);
        ALWAYS.put("phone", a -> a.phone);
        ALWAYS.put("date_of_birth", a -> a.dateOfBirth);
        ALWAYS.put("gender", a -> a.gender);
        ALWAYS.put("ethnicity", a -> a.ethnicity);
        ALWAYS.put("relationship_status", a -> a.relationshipStatus);
        ALWAYS.put("has_children", a -> a.hasChildren);
        ALWAYS.put("city", a -> a.city);
        ALWAYS.put("state", a -> a.state);
        ALWAYS.put("postal_code", a -> a.postalCode);
        ALWAYS.put("country", a -> a.country);
        ALWAYS.put("living_situation", a -> a.livingSituation);
        ALWAYS.put("time_at_location", a -> a.timeAtLocation);
        ALWAYS.put("employment_type", a -> a.employmentType);
        ALWAYS.put("occupation", a -> a.occupation);
        ALWAYS.put("company", a -> a.company);
        ALWAYS.put("time_in_role", a -> a.timeInRole);
        ALWAYS.put("currency", a -> a.currency);
        ALWAYS.put("household_income", a -> a.householdIncome);
        ALWAYS.put("savings_retirement", a -> a.savingsRetirement);
        ALWAYS.put("assets_equity", a -> a.assetsEquity);
        ALWAYS.put("consumer_debt", a -> a.consumerDebt);
        ALWAYS.put("current_story", a -> a.currentStory);
        ALWAYS.put("desired_story", a -> a.desiredStory);
        ALWAYS.put("health_vitality_story", a -> a.healthVitalityStory);
        ALWAYS.put("romance_partnership_story", a -> a.romancePartnershipStory);
        ALWAYS.put("family_parenting_story", a -> a.familyParentingStory);
        ALWAYS.put("social_friends_story", a -> a.socialFriendsStory);
        ALWAYS.put("career_work_story", a -> a.careerWorkStory);
        ALWAYS.put("money_wealth_story", a -> a.moneyWealthStory);
        ALWAYS.put("fun_recreation_story", a -> a.funRecreationStory);
        ALWAYS.put("travel_adventure_story", a -> a.travelAdventureStory);
        ALWAYS.put("home_environment_story", a -> a.homeEnvironmentStory);
        ALWAYS.put("possessions_lifestyle_story", a -> a.possessionsLifestyleStory);
        ALWAYS.put("spirituality_growth_story", a -> a.spiritualityGrowthStory);
        ALWAYS.put("giving_legacy_story", a -> a.givingLegacyStory);
        ALWAYS.put("hobbies", a -> a.hobbies);
        ALWAYS.put("leisure_time_weekly", a -> a.leisureTimeWeekly);
        ALWAYS.put("travel_frequency", a -> a.travelFrequency);
        ALWAYS.put("passport", a -> a.passport);
        ALWAYS.put("countries_visited", a -> a.countriesVisited);
        ALWAYS.put("close_friends_count", a -> a.closeFriendsCount);
        ALWAYS.put("social_preference", a -> a.socialPreference);
        ALWAYS.put("lifestyle_category", a -> a.lifestyleCategory);
        ALWAYS.put("primary_vehicle", a -> a.primaryVehicle);
        ALWAYS.put("spiritual_practice", a -> a.spiritualPractice);
        ALWAYS.put("meditation_frequency", a -> a.meditationFrequency);
        ALWAYS.put("personal_growth_focus", a -> a.personalGrowthFocus);
        ALWAYS.put("volunteer_status", a -> a.volunteerStatus);
        ALWAYS.put("charitable_giving", a -> a.charitableGiving);
        ALWAYS.put("legacy_mindset", a -> a.legacyMindset);
        ALWAYS.put("units", a -> a.units);
        ALWAYS.put("height", a -> a.height);
        ALWAYS.put("weight", a -> a.weight);
        ALWAYS.put("exercise_frequency", a -> a.exerciseFrequency);
        ALWAYS.put("health_conditions", a -> a.healthConditions);
        ALWAYS.put("medications", a -> a.medications);
        ALWAYS.put("education_level", a -> a.educationLevel);
        IN_A_RELATIONSHIP.put("relationship_length", a -> a.relationshipLength);
        IN_A_RELATIONSHIP.put("partner_name", a -> a.partnerName);
        WITH_CHILDREN.put("number_of_children", a -> a.numberOfChildren);
        WITH_CHILDREN.put("children_ages", a -> a.childrenAges);
    }

    /** Bounds of {@code missing_fields} in the API: how many fields can count, and the longest name. */
    public static final int MAX_FIELDS = 64;

    public static final int MAX_FIELD_NAME = 40;

    private ProfileCompletion() {}

    /** The fields that count for {@code a}, by JSON name. */
    public static List<String> applicableFields(ProfileAnswers a) {
        return applicable(a).keySet().stream().toList();
    }

    /** The applicable fields {@code a} leaves unanswered, by JSON name. */
    public static List<String> missingFields(ProfileAnswers a) {
        List<String> missing = new ArrayList<>();
        applicable(a).forEach((field, value) -> {
            if (!answered(value.apply(a))) {
                missing.add(field);
            }
        });
        return missing;
    }

    public static int percentage(ProfileAnswers a) {
        Map<String, Function<ProfileAnswers, Object>> fields = applicable(a);
        long answered = fields.values().stream()
                .filter(value -> answered(value.apply(a)))
                .count();
        return (int) (answered * 100 / fields.size());
    }

    private static Map<String, Function<ProfileAnswers, Object>> applicable(ProfileAnswers a) {
        Map<String, Function<ProfileAnswers, Object>> fields = new LinkedHashMap<>(ALWAYS);
        if (ProfileRules.inRelationship(a)) {
            fields.putAll(IN_A_RELATIONSHIP);
        }
        if (ProfileRules.withChildren(a)) {
            fields.putAll(WITH_CHILDREN);
        }
        return fields;
    }

    private static boolean answered(Object value) {
        if (value instanceof String text) {
            return !text.isBlank();
        }
        if (value instanceof Collection<?> list) {
            return !list.isEmpty();
        }
        return value != null;
    }
}
