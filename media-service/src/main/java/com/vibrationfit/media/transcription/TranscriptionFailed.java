package com.vibrationfit.media.transcription;

/** The provider did not transcribe (unreachable, refused, answered something unreadable). */
public class TranscriptionFailed extends RuntimeException {

    public TranscriptionFailed(String message) {
        super(message);
    }

    public TranscriptionFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
