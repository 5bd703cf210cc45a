package com.vibrationfit.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The twelve life categories of the product, keyed as the Life Vision's sections (columns of vision_versions). */
public enum LifeCategory {
    FUN("fun", "Fun & Recreation"),
    TRAVEL("travel", "Travel & Adventure"),
    HOME("home", "Home & Environment"),
    FAMILY("family", "Family & Parenting"),
    ROMANCE("romance", "Love & Romance"),
    HEALTH("health", "Health & Vitality"),
    MONEY("money", "Money & Wealth"),
    BUSINESS("business", "Business & Career"),
    SOCIAL("social", "Social & Friends"),
    POSSESSIONS("possessions", "Possessions & Lifestyle"),
    GIVING("giving", "Giving & Legacy"),
    SPIRITUALITY("spirituality", "Spirituality & Growth");

    private final String key;
    private final String title;

    LifeCategory(String key, String title) {
        this.key = key;
        this.title = title;
    }

    /** How the product names the area to members ("Health & Vitality"), as the assessment's question bank does. */
    public String title() {
        return title;
    }

    @JsonValue
    public String key() {
        return key;
    }

    public static Optional<LifeCategory> fromKey(String key) {
        return Arrays.stream(values()).filter(c -> c.key.equals(key)).findFirst();
    }

    /** Jackson entry point: an unknown key fails deserialisation, which the API reports as a 400 naming the field. */
    @JsonCreator
    public static LifeCategory of(String key) {
        return fromKey(key)
                .orElseThrow(() ->
                        new IllegalArgumentException("unknown life category '" + key + "'; expected one of " + keys()));
    }

    /** The keys of {@code categories}, each once, in the given order ({@code null} is none). */
    public static List<String> keysOf(Collection<LifeCategory> categories) {
        return categories == null
                ? new ArrayList<>()
                : new ArrayList<>(
                        categories.stream().map(LifeCategory::key).distinct().toList());
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(LifeCategory::key).toList();
    }
}
