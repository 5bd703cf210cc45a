package com.vibrationfit.vision.board;

import java.time.Instant;

/** How a board item's status moves: actualizing stamps the moment, leaving actualized clears it. */
public final class BoardItemRules {

    private BoardItemRules() {}

    /** Applies {@code next}; returns true when the item just became actualized. */
    public static boolean moveTo(BoardItem item, BoardItemStatus next, Instant now) {
        BoardItemStatus current = BoardItemStatus.of(item.status);
        if (current == next) {
            return false;
        }
        item.status = next.value();
        if (next == BoardItemStatus.ACTUALIZED) {
            item.actualizedAt = now;
            return true;
        }
        item.actualizedAt = null;
        return false;
    }
}
