package com.vibrationfit.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The twelve life categories of the product, keyed as in the seed schema's vision sections. */
public enum LifeCategory {
    FUN("fun"),
    TRAVEL("travel"),
    HOME("home"),
    FAMILY("family"),
    ROMANCE("romance"),
    HEALTH("health"),
    MONEY("money"),
    BUSINESS("business"),
    SOCIAL("social"),
    POSSESSIONS("possessions"),
    GIVING("giving"),
    SPIRITUALITY("spirituality");

    private final String key;

    LifeCategory(String key) {
        this.key = key;
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
        return fromKey(key).orElseThrow(() -> new IllegalArgumentException(
                "unknown life category '" + key + "'; expected one of " + keys()));
    }

    /** The keys of {@code categories}, each once, in the given order ({@code null} is none). */
    public static List<String> keysOf(java.util.Collection<LifeCategory> categories) {
        return categories == null ? new java.util.ArrayList<>()
                : new java.util.ArrayList<>(categories.stream().map(LifeCategory::key).distinct().toList());
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(LifeCategory::key).toList();
    }
}
