package com.vibrationfit.media.narration;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The narration of one vision: the current track of each section (none before any is narrated). */
public record VisionAudio(
        UUID visionId,

        @Schema(description = "in reading order; empty until a section is narrated", maxItems = Sections.COUNT)
        List<AudioTrackView> tracks) {}
