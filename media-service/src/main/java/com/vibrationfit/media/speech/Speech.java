package com.vibrationfit.media.speech;

/** Synthesised narration: MP3 bytes and their measured length. */
public record Speech(byte[] mp3, double durationSeconds) {}
