package com.vibrationfit.vision.lifevision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vibrationfit.platform.errors.FieldError;
import java.util.List;
import org.junit.jupiter.api.Test;

class VisionRulesTest {

    @Test
    void shouldBeZeroPercentWhenEverySectionIsBlank() {
        assertEquals(0, VisionRules.completionPercentage(new Vision()));
    }

    @Test
    void shouldCountNonBlankSectionsOutOfFourteen() {
        Vision vision = new Vision();
        vision.fun = "Surfing every week.";
        vision.health = "   ";
        vision.forward = "Here is my life.";
        assertEquals(14, VisionRules.completionPercentage(vision)); // 2 of 14 = 14.3 %
    }

    @Test
    void shouldBeHundredPercentWhenAllFourteenAreWritten() {
        Vision vision = new Vision();
        for (VisionSection section : VisionSection.values()) {
            section.write(vision, "text of " + section.key());
        }
        assertEquals(100, VisionRules.completionPercentage(vision));
        assertTrue(VisionRules.blankCategories(vision).isEmpty());
    }

    @Test
    void shouldNameEveryBlankCategoryButNotTheMetaSections() {
        Vision vision = new Vision();
        for (VisionSection section : VisionSection.categories()) {
            section.write(vision, "written");
        }
        vision.money = " \n";
        vision.giving = null;
        List<FieldError> blank = VisionRules.blankCategories(vision);
        assertEquals(
                List.of("money", "giving"),
                blank.stream().map(FieldError::field).toList());
    }

    @Test
    void shouldRefuseToEmptyACategoryOnlyOfACompleteVision() {
        Vision vision = new Vision();
        for (VisionSection section : VisionSection.values()) {
            section.write(vision, "written");
        }
        vision.health = " ";
        vision.forward = "";
        vision.status = Vision.DRAFT;
        assertTrue(VisionRules.emptiedCategories(vision).isEmpty(), "a draft may be emptied freely");
        vision.status = Vision.COMPLETE;
        assertEquals(
                List.of("health"),
                VisionRules.emptiedCategories(vision).stream()
                        .map(FieldError::field)
                        .toList());
    }

    @Test
    void shouldHaveTwelveCategorySections() {
        assertEquals(12, VisionSection.categories().size());
        assertEquals(14, VisionSection.values().length);
    }
}
