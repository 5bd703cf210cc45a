package com.vibrationfit.media.narration;

import java.util.List;

/**
 * The sections of a vision media-service narrates, in reading order: the forward, the 12 life categories, the
 * conclusion (the keys vision events carry). {@link AudioTrackView} documents them as its section_key's values.
 */
public final class Sections {

    public static final List<String> KEYS = List.of(
            "forward",
            "fun",
            "travel",
            "home",
            "family",
            "romance",
            "health",
            "money",
            "business",
            "social",
            "possessions",
            "giving",
            "spirituality",
            "conclusion");

    /** How many there are (a constant, for the bounds annotations state). */
    public static final int COUNT = 14;

    /** The longest key ({@code spirituality}). */
    public static final int KEY_MAX_LENGTH = 12;

    private Sections() {}
}
