package com.vibrationfit.platform.tokens;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Bearer tokens that have passed verification, each kept until its own {@code exp}. The key is the
 * whole token string, so only the exact bytes that were verified can ever hit; a token that failed
 * verification is never stored. Bounded: when full, expired entries are dropped first, and if it is
 * still full a new token is simply not remembered (it is then verified on every request, as without
 * the cache) rather than evicting live entries and thrashing.
 *
 * @param <V> what verification produced (the security identity)
 */
public final class VerifiedTokenCache<V> {

    private record Entry<V>(V value, long expiresAtEpochSecond) {
    }

    private final ConcurrentHashMap<String, Entry<V>> entries = new ConcurrentHashMap<>();
    private final int maxEntries;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    public VerifiedTokenCache(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1");
        }
        this.maxEntries = maxEntries;
    }

    /** The remembered result for exactly this token, if it has not expired at {@code nowEpochSecond}. */
    public Optional<V> get(String token, long nowEpochSecond) {
        Entry<V> entry = entries.get(token);
        if (entry == null) {
            misses.increment();
            return Optional.empty();
        }
        if (nowEpochSecond >= entry.expiresAtEpochSecond()) {
            entries.remove(token, entry);
            misses.increment();
            return Optional.empty();
        }
        hits.increment();
        return Optional.of(entry.value());
    }

    /** Remembers a verified token until {@code expiresAtEpochSecond} (its {@code exp} claim). */
    public void put(String token, V value, long expiresAtEpochSecond, long nowEpochSecond) {
        if (expiresAtEpochSecond <= nowEpochSecond) {
            return;
        }
        if (entries.size() >= maxEntries && !entries.containsKey(token)) {
            evictExpired(nowEpochSecond);
            if (entries.size() >= maxEntries) {
                return;
            }
        }
        entries.put(token, new Entry<>(value, expiresAtEpochSecond));
    }

    public void evictExpired(long nowEpochSecond) {
        entries.values().removeIf(entry -> nowEpochSecond >= entry.expiresAtEpochSecond());
    }

    public void clear() {
        entries.clear();
    }

    public int size() {
        return entries.size();
    }

    public long hits() {
        return hits.sum();
    }

    public long misses() {
        return misses.sum();
    }
}
