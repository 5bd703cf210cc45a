package com.vibrationfit.media.narration;

/** A section text that should have a track: key, hash of its normalised text, and the text to speak. */
public record SectionToNarrate(String sectionKey, String contentHash, String text) {}
