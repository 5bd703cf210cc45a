package com.vibrationfit.gateway.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TokenBucketsTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void shouldAllowABurstThenRefuseWithRetryAfter() {
        TokenBuckets buckets = new TokenBuckets(3, 1);
        for (int i = 0; i < 3; i++) {
            assertTrue(buckets.take("alice", 0).allowed());
        }
        TokenBuckets.Decision refused = buckets.take("alice", 0);
        assertFalse(refused.allowed());
        assertEquals(1, refused.retryAfterSeconds());
    }

    @Test
    void shouldSayWhatRemainsAndWhenTheBucketIsFullAgain() {
        TokenBuckets buckets = new TokenBuckets(10, 2);
        TokenBuckets.Decision first = buckets.take("alice", 0);
        assertEquals(9, first.remaining());
        assertEquals(1, first.resetSeconds(), "one token at 2 per second: full within a second");
        for (int i = 0; i < 9; i++) {
            buckets.take("alice", 0);
        }
        TokenBuckets.Decision refused = buckets.take("alice", 0);
        assertEquals(0, refused.remaining());
        assertEquals(5, refused.resetSeconds(), "ten tokens at 2 per second");
    }

    @Test
    void shouldRefillOverTime() {
        TokenBuckets buckets = new TokenBuckets(2, 2);
        buckets.take("alice", 0);
        buckets.take("alice", 0);
        assertFalse(buckets.take("alice", 0).allowed());
        assertTrue(buckets.take("alice", SECOND / 2).allowed());
    }

    @Test
    void shouldKeepMembersApart() {
        TokenBuckets buckets = new TokenBuckets(1, 0.1);
        assertTrue(buckets.take("alice", 0).allowed());
        assertFalse(buckets.take("alice", 0).allowed());
        assertTrue(buckets.take("bob", 0).allowed());
        assertEquals(10, buckets.take("alice", 0).retryAfterSeconds());
    }

    @Test
    void shouldForgetIdleMembers() {
        TokenBuckets buckets = new TokenBuckets(1, 1);
        buckets.take("alice", 0);
        buckets.take("bob", 100 * SECOND);
        buckets.evictIdle(100 * SECOND, 50 * SECOND);
        assertEquals(1, buckets.size());
    }
}
