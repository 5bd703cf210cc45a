package com.vibrationfit.gateway.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ForwardedHeadersTest {

    @Test
    void shouldKeepAWellFormedClientRequestId() {
        assertEquals("client-req-12345", ForwardedHeaders.requestId("client-req-12345"));
    }

    @Test
    void shouldCreateDistinctVersion4IdsForMissingOrMalformedOnes() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = ForwardedHeaders.requestId(i % 2 == 0 ? null : "bad id");
            UUID uuid = UUID.fromString(id);
            assertEquals(4, uuid.version());
            assertEquals(2, uuid.variant());
            seen.add(id);
        }
        assertEquals(10_000, seen.size());
        assertNotEquals("bad id", ForwardedHeaders.requestId("bad id"));
    }
}
