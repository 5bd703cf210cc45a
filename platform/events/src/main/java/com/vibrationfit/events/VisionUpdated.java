package com.vibrationfit.events;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.UUID;

/**
 * {@code vision.updated}: the title or sections of a vision changed. Carries every section (so a
 * consumer can rebuild its projection from one event) and marks which ones this change touched.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record VisionUpdated(
        UUID visionId, UUID userId, int versionNumber, String status, String title, List<SectionSnapshot> sections) {

    public List<String> changedSectionKeys() {
        return sections.stream()
                .filter(SectionSnapshot::changed)
                .map(SectionSnapshot::key)
                .toList();
    }
}
