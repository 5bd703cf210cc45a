package com.vibrationfit.platform.errors;

import java.time.Duration;
import java.util.List;

/** 429: the caller used up a per-member allowance; {@code Retry-After} says when the next call is accepted. */
public class TooManyRequests extends ApiException {

    private final long retryAfterSeconds;

    public TooManyRequests(String detail, Duration retryAfter) {
        super(429, "Too Many Requests", "rate-limited", detail, List.of());
        // Whole seconds, rounded up and at least 1: retrying a moment too early would be refused again.
        this.retryAfterSeconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
