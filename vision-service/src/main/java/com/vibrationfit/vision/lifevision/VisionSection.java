package com.vibrationfit.vision.lifevision;

import com.vibrationfit.events.LifeCategory;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/** The 14 sections of a vision, in reading order: the forward, the 12 life categories, the conclusion. */
public enum VisionSection {
    FORWARD("forward", null, v -> v.forward, (v, t) -> v.forward = t),
    FUN("fun", LifeCategory.FUN, v -> v.fun, (v, t) -> v.fun = t),
    TRAVEL("travel", LifeCategory.TRAVEL, v -> v.travel, (v, t) -> v.travel = t),
    HOME("home", LifeCategory.HOME, v -> v.home, (v, t) -> v.home = t),
    FAMILY("family", LifeCategory.FAMILY, v -> v.family, (v, t) -> v.family = t),
    ROMANCE("romance", LifeCategory.ROMANCE, v -> v.romance, (v, t) -> v.romance = t),
    HEALTH("health", LifeCategory.HEALTH, v -> v.health, (v, t) -> v.health = t),
    MONEY("money", LifeCategory.MONEY, v -> v.money, (v, t) -> v.money = t),
    BUSINESS("business", LifeCategory.BUSINESS, v -> v.business, (v, t) -> v.business = t),
    SOCIAL("social", LifeCategory.SOCIAL, v -> v.social, (v, t) -> v.social = t),
    POSSESSIONS("possessions", LifeCategory.POSSESSIONS, v -> v.possessions, (v, t) -> v.possessions = t),
    GIVING("giving", LifeCategory.GIVING, v -> v.giving, (v, t) -> v.giving = t),
    SPIRITUALITY("spirituality", LifeCategory.SPIRITUALITY, v -> v.spirituality, (v, t) -> v.spirituality = t),
    CONCLUSION("conclusion", null, v -> v.conclusion, (v, t) -> v.conclusion = t);

    /** Longest text a section may hold. */
    public static final int MAX_LENGTH = 20_000;

    private final String key;
    private final LifeCategory category;
    private final Function<Vision, String> getter;
    private final BiConsumer<Vision, String> setter;

    VisionSection(
            String key, LifeCategory category, Function<Vision, String> getter, BiConsumer<Vision, String> setter) {
        this.key = key;
        this.category = category;
        this.getter = getter;
        this.setter = setter;
    }

    public String key() {
        return key;
    }

    /** True for the 12 life categories (which a complete vision must fill), false for forward and conclusion. */
    public boolean isCategory() {
        return category != null;
    }

    public String textOf(Vision vision) {
        String text = getter.apply(vision);
        return text == null ? "" : text;
    }

    public void write(Vision vision, String text) {
        setter.accept(vision, text);
    }

    public static List<VisionSection> categories() {
        return Arrays.stream(values()).filter(VisionSection::isCategory).toList();
    }

    public static Optional<VisionSection> fromKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }
}
