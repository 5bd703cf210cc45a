package com.vibrationfit.media.narration;

import java.util.List;
import java.util.UUID;

/** The narration of one vision: the current track of each section. */
public record VisionAudio(UUID visionId, List<AudioTrackView> tracks) {}
