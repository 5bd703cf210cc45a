package com.vibrationfit.vision.lifevision;

import static com.vibrationfit.vision.lifevision.VisionSection.MAX_LENGTH;

import jakarta.validation.constraints.Size;
import java.util.EnumMap;
import java.util.Map;

/**
 * Body of {@code PATCH /api/v1/visions/{id}}: any of the title and the 14 sections. An absent (or null)
 * field stays as it is; an empty string clears a section. Unknown fields are refused.
 */
public record VisionChanges(
        @Size(max = Vision.TITLE_MAX_LENGTH) String title,
        @Size(max = MAX_LENGTH) String forward,
        @Size(max = MAX_LENGTH) String fun,
        @Size(max = MAX_LENGTH) String travel,
        @Size(max = MAX_LENGTH) String home,
        @Size(max = MAX_LENGTH) String family,
        @Size(max = MAX_LENGTH) String romance,
        @Size(max = MAX_LENGTH) String health,
        @Size(max = MAX_LENGTH) String money,
        @Size(max = MAX_LENGTH) String business,
        @Size(max = MAX_LENGTH) String social,
        @Size(max = MAX_LENGTH) String possessions,
        @Size(max = MAX_LENGTH) String giving,
        @Size(max = MAX_LENGTH) String spirituality,
        @Size(max = MAX_LENGTH) String conclusion) {

    /** The sections this request sets, in reading order. */
    public Map<VisionSection, String> sections() {
        Map<VisionSection, String> sections = new EnumMap<>(VisionSection.class);
        put(sections, VisionSection.FORWARD, forward);
        put(sections, VisionSection.FUN, fun);
        put(sections, VisionSection.TRAVEL, travel);
        put(sections, VisionSection.HOME, home);
        put(sections, VisionSection.FAMILY, family);
        put(sections, VisionSection.ROMANCE, romance);
        put(sections, VisionSection.HEALTH, health);
        put(sections, VisionSection.MONEY, money);
        put(sections, VisionSection.BUSINESS, business);
        put(sections, VisionSection.SOCIAL, social);
        put(sections, VisionSection.POSSESSIONS, possessions);
        put(sections, VisionSection.GIVING, giving);
        put(sections, VisionSection.SPIRITUALITY, spirituality);
        put(sections, VisionSection.CONCLUSION, conclusion);
        return sections;
    }

    private static void put(Map<VisionSection, String> sections, VisionSection section, String text) {
        if (text != null) {
            sections.put(section, text);
        }
    }
}
