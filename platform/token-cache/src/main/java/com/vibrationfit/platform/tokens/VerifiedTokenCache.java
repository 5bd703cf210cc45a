package com.vibrationfit.platform.tokens;

import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Bearer tokens that have passed verification, each kept until its own {@code exp}. The key is the
 * whole token string, so only the exact bytes that were verified can ever hit; a token that failed
 * verification is never stored.
 *
 * <p>Bounded: a new token always gets in. When the cache is full it makes room by dropping the entry
 * that expires first if that one has already expired, otherwise the oldest entry (the first one put).
 * Refusing new tokens instead would leave a full cache of dead weight and send every new member to
 * full verification for as long as the old tokens live.
 *
 * <p>Lookups run on Vert.x event-loop threads on every request, so they read a {@link ConcurrentHashMap}
 * without a lock. Writes (a cache miss that passed verification, or an expired entry seen by a lookup)
 * take one short lock to keep two order indexes in step with the map: insertion order (a
 * {@link LinkedHashMap}, O(1)) and expiry order (a {@link TreeSet}, O(log n)). Nothing ever walks the
 * whole cache.
 *
 * @param <V> what verification produced (the security identity)
 */
public final class VerifiedTokenCache<V> {

    private record Entry<V>(String token, V value, long expiresAtEpochSecond, long sequence) {}

    private static final Comparator<Entry<?>> BY_EXPIRY = Comparator.comparingLong(
                    (Entry<?> entry) -> entry.expiresAtEpochSecond())
            .thenComparingLong(Entry::sequence);

    private final ConcurrentHashMap<String, Entry<V>> entries = new ConcurrentHashMap<>();
    /** Guards the two indexes, every change to {@link #entries} and {@link #sequence}. */
    private final Object lock = new Object();

    private final LinkedHashMap<String, Entry<V>> byAge = new LinkedHashMap<>();
    private final TreeSet<Entry<V>> byExpiry = new TreeSet<>(BY_EXPIRY);
    private long sequence;
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
            synchronized (lock) {
                if (entries.remove(token, entry)) {
                    unindex(entry);
                }
            }
            misses.increment();
            return Optional.empty();
        }
        hits.increment();
        return Optional.of(entry.value());
    }

    /**
     * Remembers a verified token until {@code expiresAtEpochSecond} (its {@code exp} claim); when the
     * cache is full, an expired entry or else the oldest one makes room.
     */
    public void put(String token, V value, long expiresAtEpochSecond, long nowEpochSecond) {
        if (expiresAtEpochSecond <= nowEpochSecond) {
            return;
        }
        synchronized (lock) {
            Entry<V> previous = entries.remove(token);
            if (previous != null) {
                unindex(previous);
            }
            while (entries.size() >= maxEntries) {
                evictOne(nowEpochSecond);
            }
            Entry<V> entry = new Entry<>(token, value, expiresAtEpochSecond, sequence++);
            byAge.put(token, entry);
            byExpiry.add(entry);
            entries.put(token, entry);
        }
    }

    /** Drops every entry expired at {@code nowEpochSecond}, soonest first (only those, not the whole cache). */
    public void evictExpired(long nowEpochSecond) {
        synchronized (lock) {
            while (!byExpiry.isEmpty() && nowEpochSecond >= byExpiry.first().expiresAtEpochSecond()) {
                remove(byExpiry.first());
            }
        }
    }

    public void clear() {
        synchronized (lock) {
            entries.clear();
            byAge.clear();
            byExpiry.clear();
        }
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

    /** Under the lock, with the cache full: the soonest-expiring entry if it has expired, else the oldest. */
    private void evictOne(long nowEpochSecond) {
        Entry<V> soonest = byExpiry.first();
        if (nowEpochSecond >= soonest.expiresAtEpochSecond()) {
            remove(soonest);
            return;
        }
        Iterator<Entry<V>> oldest = byAge.values().iterator();
        remove(oldest.next());
    }

    private void remove(Entry<V> entry) {
        entries.remove(entry.token(), entry);
        unindex(entry);
    }

    private void unindex(Entry<V> entry) {
        byAge.remove(entry.token());
        byExpiry.remove(entry);
    }
}
