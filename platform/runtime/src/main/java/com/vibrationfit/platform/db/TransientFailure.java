package com.vibrationfit.platform.db;

/**
 * Thrown by a service when something it needs is unavailable for the moment (an object store outage, a
 * provider answering 503): consumers retry the event, requests answer 503. Never for bad input.
 */
public class TransientFailure extends RuntimeException {
    public TransientFailure(String message, Throwable cause) {
        super(message, cause);
    }

    public TransientFailure(String message) {
        super(message);
    }
}
