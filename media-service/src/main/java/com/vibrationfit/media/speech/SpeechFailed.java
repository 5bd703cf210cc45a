package com.vibrationfit.media.speech;

/** A provider could not narrate a text; the message is stored on the failed track. */
public class SpeechFailed extends RuntimeException {
    public SpeechFailed(String message) {
        super(message);
    }

    public SpeechFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
