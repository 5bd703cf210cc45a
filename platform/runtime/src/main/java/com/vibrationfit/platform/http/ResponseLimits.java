package com.vibrationfit.platform.http;

import java.time.Duration;

/**
 * How long and how much a provider (text-to-speech, an LLM) may take to answer one call: the whole exchange
 * within {@code deadline}, never {@code idleTimeout} without a byte, at most {@code maxBytes} of body. A provider
 * that sends its headers and then stalls would otherwise hold a worker thread for good: the JDK client's request
 * timeout ends when the headers arrive.
 */
public record ResponseLimits(Duration deadline, Duration idleTimeout, long maxBytes) {

    public ResponseLimits {
        if (deadline.isNegative()
                || deadline.isZero()
                || idleTimeout.isNegative()
                || idleTimeout.isZero()
                || maxBytes <= 0) {
            throw new IllegalArgumentException(
                    "response limits must be positive: " + deadline + ", " + idleTimeout + ", " + maxBytes);
        }
    }

    /** The wait for the response headers: the idle timeout, or what is left of the deadline if less. */
    public Duration headerTimeout() {
        return idleTimeout.compareTo(deadline) < 0 ? idleTimeout : deadline;
    }
}
