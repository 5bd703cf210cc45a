package com.vibrationfit.platform.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MemberObjectSweeperTest {

    private static final Duration LONGEST = Duration.ofMinutes(1);

    @Test
    void shouldSleepTheLongestWaitWhenNoSweepIsScheduled() {
        assertEquals(LONGEST, MemberObjectSweeper.waitBeforeNextRound(Optional.empty(), LONGEST));
    }

    @Test
    void shouldWakeWhenTheNextSweepFallsDue() {
        // A failed sweep's backoff (4 s) or the last sweep 12 minutes after the purge (capped at the longest wait).
        assertEquals(
                Duration.ofSeconds(4),
                MemberObjectSweeper.waitBeforeNextRound(Optional.of(Duration.ofSeconds(4)), LONGEST));
        assertEquals(LONGEST, MemberObjectSweeper.waitBeforeNextRound(Optional.of(Duration.ofMinutes(12)), LONGEST));
    }

    @Test
    void shouldNotSpinOnASweepThatIsStillDueAfterItsRound() {
        assertEquals(
                Duration.ofSeconds(1), MemberObjectSweeper.waitBeforeNextRound(Optional.of(Duration.ZERO), LONGEST));
        assertEquals(
                Duration.ofSeconds(1),
                MemberObjectSweeper.waitBeforeNextRound(Optional.of(Duration.ofMillis(300)), LONGEST));
    }

    @Test
    void shouldBackOffExponentiallyUpToAMinute() {
        assertEquals(Duration.ofSeconds(1), MemberObjectSweeper.backoff(1));
        assertEquals(Duration.ofSeconds(8), MemberObjectSweeper.backoff(4));
        assertEquals(Duration.ofMinutes(1), MemberObjectSweeper.backoff(20));
    }
}
