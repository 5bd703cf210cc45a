package com.vibrationfit.profile.version;

import com.vibrationfit.platform.errors.FieldError;
import com.vibrationfit.platform.media.MediaUrls;
import com.vibrationfit.platform.media.Recording;
import java.lang.reflect.Field;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

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
    public static final int EMAIL_MAX = 254;
    public static final int PHONE_MAX = 32;
    public static final int CHILD_AGE_MAX = 20;
    public static final int HOBBY_MAX = 100;

    /** Text fields with a rule of their own, which says what their bound is too. */
    private static final Set<String> OWN_RULES = Set.of("email", "phone");

    /**
     * The text fields of {@link ProfileAnswers} with the maxLength they declare (the bound the OpenAPI document
     * states), by JSON name, in declaration order: each is checked against it.
     */
    static final Map<String, Field> BOUNDED_TEXTS = boundedTexts();

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
        BOUNDED_TEXTS.forEach((field, declared) -> maxLength(errors, field, text(declared, a), maxOf(declared)));
        maxLength(errors, "version_notes", versionNotes, NOTES_MAX);

        if (a.email != null
                && (a.email.length() > EMAIL_MAX || !EMAIL.matcher(a.email).matches())) {
            errors.add(new FieldError("email", "must be an e-mail address such as name@example.com"));
        }
        if (a.phone != null) {
            long digits = a.phone.chars().filter(Character::isDigit).count();
            if (a.phone.length() > PHONE_MAX || !PHONE.matcher(a.phone).matches() || digits < 5 || digits > 20) {
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

        texts(errors, "children_ages", a.childrenAges, MAX_CHILDREN, CHILD_AGE_MAX);
        if (a.childrenAges != null && a.numberOfChildren != null && a.childrenAges.size() != a.numberOfChildren) {
            errors.add(new FieldError(
                    "children_ages",
                    "lists " + a.childrenAges.size() + " ages but number_of_children is " + a.numberOfChildren
                            + "; give one age per child"));
        }
        if (Boolean.FALSE.equals(a.hasChildren) && a.numberOfChildren != null && a.numberOfChildren > 0) {
            errors.add(new FieldError("has_children", "is false but number_of_children is " + a.numberOfChildren));
        }
        texts(errors, "hobbies", a.hobbies, LIST_MAX, HOBBY_MAX);
        texts(errors, "progress_photos", a.progressPhotos, LIST_MAX, MediaUrls.MAX_LENGTH);
        distinct(errors, "progress_photos", a.progressPhotos);
        recordings(errors, a.storyRecordings);
        return errors;
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
            } else if (r.url().length() > MediaUrls.MAX_LENGTH) {
                errors.add(new FieldError(at + ".url", "at most " + MediaUrls.MAX_LENGTH + " characters"));
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
            maxLength(errors, at + ".transcript", r.transcript(), Recording.TRANSCRIPT_MAX_LENGTH);
            maxLength(errors, at + ".category", r.category(), Recording.CATEGORY_MAX_LENGTH);
        }
    }

    private static Map<String, Field> boundedTexts() {
        Map<String, Field> fields = new LinkedHashMap<>();
        for (Field field : ProfileAnswers.class.getDeclaredFields()) {
            Schema schema = field.getAnnotation(Schema.class);
            String name = snakeCase(field.getName());
            if (field.getType() == String.class
                    && schema != null
                    && schema.maxLength() != Integer.MAX_VALUE
                    && !OWN_RULES.contains(name)) {
                fields.put(name, field);
            }
        }
        return Collections.unmodifiableMap(fields);
    }

    private static String snakeCase(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private static int maxOf(Field field) {
        return field.getAnnotation(Schema.class).maxLength();
    }

    private static String text(Field field, ProfileAnswers answers) {
        try {
            return (String) field.get(answers);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
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
