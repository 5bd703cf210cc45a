package com.vibrationfit.vision.lifevision;

import com.vibrationfit.platform.errors.FieldError;
import java.util.Arrays;
import java.util.List;

/** The rules of a vision's content, free of persistence so they can be unit-tested. */
public final class VisionRules {

    private VisionRules() {}

    /** Share of the 14 sections holding non-blank text, rounded to a whole percent. */
    public static int completionPercentage(Vision vision) {
        long written = Arrays.stream(VisionSection.values())
                .filter(section -> !section.textOf(vision).isBlank())
                .count();
        return (int) Math.round(written * 100.0 / VisionSection.values().length);
    }

    /**
     * The life categories an edit of a complete vision would leave blank. A complete version stays complete: it is
     * the member's history, may be the active vision narration and VIVA draw on, and a draft cannot be; rewriting
     * it from scratch is a new version (copy_from).
     */
    public static List<FieldError> emptiedCategories(Vision vision) {
        if (!Vision.COMPLETE.equals(vision.status)) {
            return List.of();
        }
        return VisionSection.categories().stream()
                .filter(section -> section.textOf(vision).isBlank())
                .map(section -> new FieldError(
                        section.key(),
                        "must not be emptied: the vision is complete (start a new version to rewrite it)"))
                .toList();
    }

    /** The life-category sections still blank: a vision can be completed only when this is empty. */
    public static List<FieldError> blankCategories(Vision vision) {
        return VisionSection.categories().stream()
                .filter(section -> section.textOf(vision).isBlank())
                .map(section -> new FieldError(section.key(), "must not be blank to complete the vision"))
                .toList();
    }
}
