package com.vibrationfit.media.narration;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Which sections need narration: every non-blank section whose (section, hash) has no track yet.
 * An unchanged text keeps its track, so re-sending a vision costs no synthesis.
 */
public final class NarrationPlanner {

    private NarrationPlanner() {
    }

    /** @param existing "section_key:content_hash" of the vision's existing tracks */
    public static List<SectionToNarrate> missing(Collection<SectionToNarrate> sections, Set<String> existing) {
        return sections.stream()
                .filter(s -> s.text() != null && !s.text().isBlank())
                .filter(s -> !existing.contains(s.sectionKey() + ":" + s.contentHash()))
                .toList();
    }

    /** The S3 key of a track: one object per (vision, section, hash), under the member's prefix. */
    public static String keyOf(java.util.UUID userId, java.util.UUID visionId, String sectionKey, String contentHash) {
        return "users/" + userId + "/narration/" + visionId + "/" + sectionKey + "-" + contentHash.substring(0, 16) + ".mp3";
    }
}
