package com.vibrationfit.platform.http;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.vibrationfit.platform.errors.PreconditionFailed;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ETagsTest {

    private final UUID id = UUID.randomUUID();
    private final Instant updated = Instant.parse("2026-03-04T05:06:07.000001Z");

    @Test
    void shouldChangeWhenTheRowIsUpdatedEvenByOneMicrosecond() {
        assertNotEquals(ETags.of(id, updated), ETags.of(id, updated.plusNanos(1_000)));
    }

    @Test
    void shouldAcceptAbsentStarCurrentAndWeakForms() {
        String current = ETags.of(id, updated);
        assertDoesNotThrow(() -> ETags.checkIfMatch(null, current));
        assertDoesNotThrow(() -> ETags.checkIfMatch("*", current));
        assertDoesNotThrow(() -> ETags.checkIfMatch(current, current));
        assertDoesNotThrow(() -> ETags.checkIfMatch("\"other\", W/" + current, current));
    }

    @Test
    void shouldRefuseAStaleTag() {
        String stale = ETags.of(id, updated);
        String current = ETags.of(id, updated.plusSeconds(1));
        assertThrows(PreconditionFailed.class, () -> ETags.checkIfMatch(stale, current));
    }
}
