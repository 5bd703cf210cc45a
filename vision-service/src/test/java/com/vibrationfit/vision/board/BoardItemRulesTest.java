package com.vibrationfit.vision.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vibrationfit.events.LifeCategory;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BoardItemRulesTest {

    private final Instant now = Instant.parse("2026-01-02T03:04:05Z");

    @Test
    void shouldCountEveryStatusAndCategoryInTheBoundsTheDocumentStates() {
        // BoardStats lists every status (maxItems COUNT); an item holds each life category at most once.
        assertEquals(BoardItemStatus.values().length, BoardItemStatus.COUNT);
        assertEquals(LifeCategory.values().length, BoardItem.MAX_CATEGORIES);
    }

    @Test
    void shouldStampActualizedAtWhenActualized() {
        BoardItem item = new BoardItem();
        assertTrue(BoardItemRules.moveTo(item, BoardItemStatus.ACTUALIZED, now));
        assertEquals("actualized", item.status);
        assertEquals(now, item.actualizedAt);
    }

    @Test
    void shouldKeepTheFirstMomentWhenActualizedAgain() {
        BoardItem item = new BoardItem();
        BoardItemRules.moveTo(item, BoardItemStatus.ACTUALIZED, now);
        assertFalse(BoardItemRules.moveTo(item, BoardItemStatus.ACTUALIZED, now.plusSeconds(60)));
        assertEquals(now, item.actualizedAt);
    }

    @Test
    void shouldClearActualizedAtWhenMovedBackToActive() {
        BoardItem item = new BoardItem();
        BoardItemRules.moveTo(item, BoardItemStatus.ACTUALIZED, now);
        assertFalse(BoardItemRules.moveTo(item, BoardItemStatus.ACTIVE, now.plusSeconds(60)));
        assertEquals("active", item.status);
        assertNull(item.actualizedAt);
    }

    @Test
    void shouldClearActualizedAtWhenSetInactive() {
        BoardItem item = new BoardItem();
        BoardItemRules.moveTo(item, BoardItemStatus.ACTUALIZED, now);
        BoardItemRules.moveTo(item, BoardItemStatus.INACTIVE, now);
        assertNull(item.actualizedAt);
    }
}
