package com.vibrationfit.platform.inbox;

/** An event that can never be applied (malformed envelope or payload): it goes to the dead-letter topic at once. */
public class PoisonEvent extends RuntimeException {
    public PoisonEvent(String message) {
        super(message);
    }

    public PoisonEvent(String message, Throwable cause) {
        super(message, cause);
    }
}
