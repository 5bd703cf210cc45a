package com.vibrationfit.media.narration;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Which sections need narration: every non-blank section whose (section, hash) has no track yet.
 * An unchanged text keeps its track, so re-sending a vision costs no synthesis.
 */
public final class NarrationPlanner {

    private NarrationPlanner() {}

    /** @param existing "section_key:content_hash" of the vision's existing tracks */
    public static List<SectionToNarrate> missing(Collection<SectionToNarrate> sections, Set<String> existing) {
        return sections.stream()
                .filter(s -> s.text() != null && !s.text().isBlank())
                .filter(s -> !existing.contains(s.sectionKey() + ":" + s.contentHash()))
                .toList();
    }

    /** The S3 key a track is created with (nothing is there until a worker synthesised it). */
    public static String keyOf(UUID userId, UUID visionId, String sectionKey, String contentHash) {
        return "users/" + userId + "/narration/" + visionId + "/" + sectionKey + "-" + contentHash.substring(0, 16)
                + ".mp3";
    }

    /**
     * Where one claim writes its audio: a key of its own, so two workers holding the same job one after
     * the other (a stale claim taken over) never write to the same object.
     */
    public static String keyOf(UUID userId, UUID visionId, String sectionKey, String contentHash, UUID claimToken) {
        return prefixOf(userId, visionId) + sectionKey + "-" + contentHash.substring(0, 16) + "-" + claimToken + ".mp3";
    }

    /** Every object of a vision's narration lies under this prefix. */
    public static String prefixOf(UUID userId, UUID visionId) {
        return "users/" + userId + "/narration/" + visionId + "/";
    }
}
