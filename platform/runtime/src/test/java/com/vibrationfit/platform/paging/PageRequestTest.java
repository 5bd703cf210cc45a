package com.vibrationfit.platform.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vibrationfit.platform.errors.InvalidRequest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PageRequestTest {

    @Test
    void shouldDefaultToTwentyAndRejectOutOfRangeLimits() {
        assertEquals(20, PageRequest.of(null, null).limit());
        assertEquals(100, PageRequest.of(100, null).limit());
        assertEquals(
                "limit",
                assertThrows(InvalidRequest.class, () -> PageRequest.of(0, null))
                        .errors()
                        .get(0)
                        .field());
        assertThrows(InvalidRequest.class, () -> PageRequest.of(101, null));
    }

    @Test
    void shouldRoundTripACursorWithNanosecondPrecision() {
        Cursor cursor = new Cursor(Instant.parse("2026-01-02T03:04:05.123456Z"), UUID.randomUUID());
        assertEquals(cursor, Cursor.decode(cursor.encode()));
    }

    @Test
    void shouldRejectATamperedCursorNamingTheParameter() {
        InvalidRequest e = assertThrows(InvalidRequest.class, () -> Cursor.decode("bm9wZQ"));
        assertEquals("cursor", e.errors().get(0).field());
        InvalidRequest tooLong =
                assertThrows(InvalidRequest.class, () -> Cursor.decode("a".repeat(Cursor.MAX_LENGTH + 1)));
        assertEquals("cursor", tooLong.errors().get(0).field());
        assertTrue(new Cursor(Instant.parse("9999-12-31T23:59:59.999999999Z"), UUID.randomUUID())
                        .encode()
                        .length()
                <= Cursor.MAX_LENGTH);
    }

    @Test
    void shouldGiveANextCursorOnlyWhenAnotherPageFollows() {
        PageRequest request = PageRequest.of(2, null);
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        List<Cursor> rows = List.of(
                new Cursor(t, UUID.randomUUID()),
                new Cursor(t.minusSeconds(1), UUID.randomUUID()),
                new Cursor(t.minusSeconds(2), UUID.randomUUID()));
        Page<Cursor> full = request.page(rows, c -> c);
        assertEquals(2, full.items().size());
        assertEquals(rows.get(1), Cursor.decode(full.nextCursor()));
        assertNull(request.page(rows.subList(0, 2), c -> c).nextCursor());
    }
}
