package com.vibrationfit.gateway.edge;

import java.util.concurrent.ConcurrentHashMap;

/**
 * One token bucket per member: {@code capacity} requests of burst, refilled at {@code refillPerSecond}.
 * Idle buckets are forgotten so the map stays bounded by the members active recently.
 */
public final class TokenBuckets {

    /**
     * Whether a request may pass, and if not, how long until it may; what is left of the burst and how long until
     * the bucket is full again (the RateLimit-Remaining and RateLimit-Reset headers).
     */
    public record Decision(boolean allowed, long retryAfterSeconds, int remaining, long resetSeconds) {}

    private final int capacity;
    private final double refillPerNano;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public TokenBuckets(int capacity, double refillPerSecond) {
        this.capacity = capacity;
        this.refillPerNano = refillPerSecond / 1_000_000_000.0;
    }

    public Decision take(String key, long nowNanos) {
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(capacity, nowNanos));
        synchronized (bucket) {
            double tokens = Math.min(capacity, bucket.tokens + (nowNanos - bucket.updatedNanos) * refillPerNano);
            bucket.updatedNanos = nowNanos;
            if (tokens >= 1) {
                bucket.tokens = tokens - 1;
                return new Decision(true, 0, (int) bucket.tokens, secondsUntil(capacity - bucket.tokens));
            }
            bucket.tokens = tokens;
            return new Decision(false, Math.max(1, secondsUntil(1 - tokens)), 0, secondsUntil(capacity - tokens));
        }
    }

    public int capacity() {
        return capacity;
    }

    private long secondsUntil(double tokens) {
        long nanos = (long) Math.ceil(tokens / refillPerNano);
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }

    /** Drops buckets untouched for {@code idleNanos} (they would be full again anyway). */
    public void evictIdle(long nowNanos, long idleNanos) {
        buckets.entrySet().removeIf(e -> nowNanos - e.getValue().updatedNanos > idleNanos);
    }

    public int size() {
        return buckets.size();
    }

    private static final class Bucket {
        double tokens;
        long updatedNanos;

        Bucket(double tokens, long updatedNanos) {
            this.tokens = tokens;
            this.updatedNanos = updatedNanos;
        }
    }
}
