package com.vibrationfit.vision.board;

import com.vibrationfit.events.LifeCategory;
import com.vibrationfit.platform.errors.NotFound;
import com.vibrationfit.platform.http.ETags;
import com.vibrationfit.platform.media.MediaUrls;
import com.vibrationfit.platform.paging.Cursor;
import com.vibrationfit.platform.paging.Page;
import com.vibrationfit.platform.paging.PageRequest;
import com.vibrationfit.platform.time.DatabaseClock;
import com.vibrationfit.vision.events.VisionEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The vision board: pinning goals, editing them, and marking them actualized. */
@ApplicationScoped
@Transactional
public class BoardService {

    @Inject
    BoardItemRepository items;

    @Inject
    VisionEvents events;

    @Inject
    MediaUrls mediaUrls;

    public BoardItem create(UUID userId, NewBoardItem request) {
        mediaUrls.requireOwned("image_url", request.imageUrl(), userId);
        BoardItem item = new BoardItem();
        item.id = UUID.randomUUID();
        item.userId = userId;
        item.name = request.name();
        item.description = request.description();
        item.imageUrl = emptyToNull(request.imageUrl());
        item.categories = LifeCategory.keysOf(request.categories());
        item.createdAt = DatabaseClock.now();
        item.updatedAt = item.createdAt;
        boolean actualized = BoardItemRules.moveTo(
                item, request.status() == null ? BoardItemStatus.ACTIVE : request.status(), item.createdAt);
        items.persistAndFlush(item);
        events.boardItemMedia(item);
        if (actualized) {
            events.actualized(item);
        }
        return item;
    }

    public Page<BoardItem> list(UUID userId, BoardItemStatus status, LifeCategory category, PageRequest page) {
        List<BoardItem> rows = items.page(
                userId, status == null ? null : status.value(), category == null ? null : category.key(), page);
        return page.page(rows, item -> new Cursor(item.createdAt, item.id));
    }

    public BoardItem get(UUID userId, UUID id) {
        return items.findOwned(userId, id).orElseThrow(() -> new NotFound("vision board item", id));
    }

    public BoardItem update(UUID userId, UUID id, String ifMatch, BoardItemChanges changes) {
        BoardItem item = items.lockOwned(userId, id).orElseThrow(() -> new NotFound("vision board item", id));
        ETags.checkIfMatch(ifMatch, etag(item));
        mediaUrls.requireOwned("image_url", changes.imageUrl(), userId);
        Instant now = DatabaseClock.now();
        if (changes.name() != null) {
            item.name = changes.name();
        }
        if (changes.description() != null) {
            item.description = emptyToNull(changes.description());
        }
        if (changes.imageUrl() != null) {
            item.imageUrl = emptyToNull(changes.imageUrl());
        }
        if (changes.categories() != null) {
            item.categories = LifeCategory.keysOf(changes.categories());
        }
        boolean actualized = changes.status() != null && BoardItemRules.moveTo(item, changes.status(), now);
        item.updatedAt = now;
        items.flush();
        events.boardItemMedia(item);
        if (actualized) {
            events.actualized(item);
        }
        return item;
    }

    /** Marks the item actualized (idempotent: an already actualized item keeps its moment). */
    public BoardItem actualize(UUID userId, UUID id) {
        BoardItem item = items.lockOwned(userId, id).orElseThrow(() -> new NotFound("vision board item", id));
        Instant now = DatabaseClock.now();
        if (BoardItemRules.moveTo(item, BoardItemStatus.ACTUALIZED, now)) {
            item.updatedAt = now;
            items.flush();
            events.actualized(item);
        }
        return item;
    }

    public void delete(UUID userId, UUID id) {
        // Locked like an update, so its media announcement is ordered after any update of the item.
        BoardItem item = items.lockOwned(userId, id).orElseThrow(() -> new NotFound("vision board item", id));
        items.delete(item);
        items.flush();
        events.boardItemDeleted(item);
    }

    public BoardStats stats(UUID userId) {
        return BoardStats.of(items.countByStatus(userId));
    }

    public static String etag(BoardItem item) {
        return ETags.of(item.id, item.updatedAt);
    }

    private static String emptyToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
