package com.vibrationfit.system;

import java.util.List;
import java.util.stream.Stream;

/** A Life Vision's sections as the API names them: the 12 life categories between forward and conclusion. */
final class VisionSections {

    /** The 12 life categories, in reading order: all must be written to complete a vision. */
    static final List<String> CATEGORIES = List.of(
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
            "spirituality");

    /** All 14 sections, in reading order. */
    static final List<String> ALL = Stream.concat(
                    Stream.concat(Stream.of("forward"), CATEGORIES.stream()), Stream.of("conclusion"))
            .toList();

    private VisionSections() {}
}
