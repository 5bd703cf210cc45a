package com.vibrationfit.aiusage.member;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What VIVA knows about a member when it answers: their committed profile, the vision the thread works on
 * (or their current one) and their latest completed assessment. Each part is absent until its service has
 * announced it.
 */
public record MemberContext(Optional<Profile> profile, Optional<Vision> vision, Optional<Assessment> assessment) {

    public static final MemberContext NOTHING = new MemberContext(Optional.empty(), Optional.empty(), Optional.empty());

    /** The committed profile: every member-written field by its column name. */
    public record Profile(UUID profileId, int versionNumber, Map<String, Object> fields) {

        public Optional<String> text(String field) {
            Object value = fields.get(field);
            return value == null || value.toString().isBlank()
                    ? Optional.empty()
                    : Optional.of(value.toString().trim());
        }
    }

    /** A vision version: section key ({@code forward}, the 12 categories, {@code conclusion}) to its text. */
    public record Vision(UUID visionId, int versionNumber, String status, String title, Map<String, String> sections) {

        public Optional<String> section(String key) {
            String text = key == null ? null : sections.get(key);
            return text == null || text.isBlank() ? Optional.empty() : Optional.of(text.trim());
        }
    }

    /** The latest completed assessment: percentage per category and Green Line ({@code above|transition|below}). */
    public record Assessment(
            UUID assessmentId,
            int overallPercentage,
            Map<String, Integer> categoryScores,
            Map<String, String> greenLine,
            List<Insight> insights) {

        /** Categories below the Green Line, in the canonical category order. */
        public List<String> belowGreenLine() {
            return greenLine.entrySet().stream()
                    .filter(e -> "below".equals(e.getValue()))
                    .map(Map.Entry::getKey)
                    .toList();
        }
    }

    public record Insight(String category, String insightType, String title, String description) {}
}
