package com.vibrationfit.platform.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
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
    void shouldDropExpiredEntriesWhenFullAndNeverEvictLiveOnes() {
        var cache = new VerifiedTokenCache<String>(2);
        cache.put("old", "a", 950, 900);
        cache.put("live", "b", 2_000, 900);
        cache.put("new", "c", 2_000, 960);   // full: "old" has expired and makes room
        assertEquals(Optional.of("c"), cache.get("new", 960));
        cache.put("extra", "d", 2_000, 960); // full of live entries: not remembered
        assertTrue(cache.get("extra", 960).isEmpty());
        assertEquals(Optional.of("b"), cache.get("live", 960));
        assertEquals(2, cache.size());
    }
}
