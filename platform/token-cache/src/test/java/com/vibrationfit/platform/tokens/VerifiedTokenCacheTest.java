package com.vibrationfit.platform.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class VerifiedTokenCacheTest {

    @Test
    void shouldAnswerTheSameTokenUntilItExpires() {
        var cache = new VerifiedTokenCache<String>(10);
        cache.put("t1", "alice", 1_000, 900);
        assertEquals(Optional.of("alice"), cache.get("t1", 999));
        assertEquals(Optional.empty(), cache.get("t1", 1_000), "a token is not served at or after its exp");
        assertEquals(0, cache.size(), "the expired entry is dropped on sight");
        assertEquals(1, cache.hits());
        assertEquals(1, cache.misses());
    }

    @Test
    void shouldOnlyMatchTheExactTokenString() {
        var cache = new VerifiedTokenCache<String>(10);
        cache.put("header.payload.signature", "alice", 1_000, 900);
        assertTrue(cache.get("header.payload.signaturf", 950).isEmpty());
        assertTrue(cache.get("header.payload.signature ", 950).isEmpty());
    }

    @Test
    void shouldNotRememberATokenThatIsAlreadyExpired() {
        var cache = new VerifiedTokenCache<String>(10);
        cache.put("t1", "alice", 900, 900);
        assertEquals(0, cache.size());
    }

    @Test
    void shouldCacheANewTokenWhenFullOfLiveOnes() {
        var cache = new VerifiedTokenCache<String>(2);
        cache.put("a", "alice", 2_000, 900);
        cache.put("b", "bob", 2_000, 900);
        cache.put("c", "carol", 2_000, 960);
        assertEquals(Optional.of("carol"), cache.get("c", 960), "a full cache still takes the new token");
        assertEquals(2, cache.size());
    }

    @Test
    void shouldEvictAnExpiredEntryBeforeAnyLiveOne() {
        var cache = new VerifiedTokenCache<String>(3);
        cache.put("oldest-live", "a", 2_000, 900);
        cache.put("expired", "b", 950, 900);
        cache.put("live", "c", 2_000, 900);
        cache.put("new", "d", 2_000, 960);
        assertEquals(Optional.of("a"), cache.get("oldest-live", 960), "the oldest is live, so it stays");
        assertEquals(Optional.of("c"), cache.get("live", 960));
        assertEquals(Optional.of("d"), cache.get("new", 960));
        assertEquals(3, cache.size());
    }

    @Test
    void shouldEvictTheOldestLiveEntryWhenNothingHasExpired() {
        var cache = new VerifiedTokenCache<String>(3);
        cache.put("t1", "a", 5_000, 900); // expires last, but was put first
        cache.put("t2", "b", 3_000, 900);
        cache.put("t3", "c", 4_000, 900);
        cache.put("t4", "d", 2_000, 960);
        assertTrue(cache.get("t1", 960).isEmpty(), "the oldest entry made room");
        assertEquals(Optional.of("b"), cache.get("t2", 960));
        assertEquals(Optional.of("c"), cache.get("t3", 960));
        assertEquals(Optional.of("d"), cache.get("t4", 960));
        cache.put("t5", "e", 2_000, 960);
        assertTrue(cache.get("t2", 960).isEmpty(), "then the next oldest");
        assertEquals(3, cache.size());
    }

    @Test
    void shouldReplaceAKnownTokenWithoutEvictingAnother() {
        var cache = new VerifiedTokenCache<String>(2);
        cache.put("a", "alice", 2_000, 900);
        cache.put("b", "bob", 2_000, 900);
        cache.put("a", "alice-again", 2_500, 950);
        assertEquals(Optional.of("alice-again"), cache.get("a", 960));
        assertEquals(Optional.of("bob"), cache.get("b", 960));
        cache.put("c", "carol", 2_000, 960);
        assertTrue(cache.get("b", 960).isEmpty(), "re-putting a made it the newest, so b is now the oldest");
        assertEquals(Optional.of("alice-again"), cache.get("a", 960));
    }

    @Test
    void shouldForgetAnEntryDroppedOnSightInItsOrder() {
        var cache = new VerifiedTokenCache<String>(2);
        cache.put("short", "a", 950, 900);
        cache.put("long", "b", 2_000, 900);
        assertTrue(cache.get("short", 960).isEmpty());
        cache.put("new", "c", 2_000, 960); // room left by the dropped entry: nothing else goes
        assertEquals(Optional.of("b"), cache.get("long", 960));
        assertEquals(Optional.of("c"), cache.get("new", 960));
        cache.evictExpired(2_000);
        assertEquals(0, cache.size());
    }

    @Test
    void shouldNeverHoldMoreThanMaxEntriesUnderConcurrentUse() throws Exception {
        int max = 50;
        var cache = new VerifiedTokenCache<String>(max);
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger largest = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < 20_000; i++) {
                    long now = 1_000 + i / 100;
                    // a mix of lifetimes, some already gone by the next few puts
                    cache.put(thread + "-" + i, "v", now + 1 + (i % 7), now);
                    cache.get(thread + "-" + (i - 3), now);
                    largest.accumulateAndGet(cache.size(), Math::max);
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertTrue(largest.get() <= max, "largest size seen " + largest.get());
        assertTrue(cache.size() <= max);
        cache.put("last", "v", 10_000, 1_300);
        assertEquals(Optional.of("v"), cache.get("last", 1_300));
    }
}
