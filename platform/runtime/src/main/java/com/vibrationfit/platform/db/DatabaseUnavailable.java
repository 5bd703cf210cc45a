package com.vibrationfit.platform.db;

/**
 * PostgreSQL could not be reached (or refused work) for a moment: the request is answered 503 with
 * Retry-After and nothing was written; event consumers retry the event until it is back.
 */
public class DatabaseUnavailable extends RuntimeException {
    public DatabaseUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
