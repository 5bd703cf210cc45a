package com.vibrationfit.media.transcription;

/** A speech-to-text provider. */
public interface Transcriber {

    String provider();

    String model();

    /** The recording's words; {@link TranscriptionFailed} when the provider cannot or will not. */
    Transcript transcribe(byte[] audio, String contentType, String fileName);

    /** What the provider heard, in which language, and how long the audio was (what it is paid by). */
    record Transcript(String text, String language, double durationSeconds) {}
}
