package com.vibrationfit.vision.events;

import com.vibrationfit.events.ContentHash;
import com.vibrationfit.events.EventType;
import com.vibrationfit.events.SectionSnapshot;
import com.vibrationfit.events.Topics;
import com.vibrationfit.events.VisionActivated;
import com.vibrationfit.events.VisionBoardItemActualized;
import com.vibrationfit.events.VisionCompleted;
import com.vibrationfit.events.VisionCreated;
import com.vibrationfit.events.VisionDeleted;
import com.vibrationfit.events.VisionUpdated;
import com.vibrationfit.platform.media.MediaReferenceAnnouncer;
import com.vibrationfit.platform.outbox.Outbox;
import com.vibrationfit.vision.board.BoardItem;
import com.vibrationfit.vision.lifevision.Vision;
import com.vibrationfit.vision.lifevision.VisionSection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** What vision-service tells the rest of the platform, recorded in the outbox of the changing transaction. */
@ApplicationScoped
public class VisionEvents {

    /** The entity type board items announce their media under ({@code media.references.changed}). */
    public static final String VISION_BOARD_ITEM = "vision_board_item";

    @Inject
    Outbox outbox;

    @Inject
    MediaReferenceAnnouncer mediaReferences;

    public void created(Vision vision) {
        outbox.record(
                Topics.VISION,
                EventType.VISION_CREATED,
                vision.userId,
                new VisionCreated(
                        vision.id,
                        vision.userId,
                        vision.versionNumber,
                        vision.status,
                        vision.title,
                        sections(vision, Map.of())));
    }

    /** @param previousHashes each section's content hash before the change */
    public void updated(Vision vision, Map<VisionSection, String> previousHashes) {
        outbox.record(
                Topics.VISION,
                EventType.VISION_UPDATED,
                vision.userId,
                new VisionUpdated(
                        vision.id,
                        vision.userId,
                        vision.versionNumber,
                        vision.status,
                        vision.title,
                        sections(vision, previousHashes)));
    }

    public void completed(Vision vision) {
        outbox.record(
                Topics.VISION,
                EventType.VISION_COMPLETED,
                vision.userId,
                new VisionCompleted(
                        vision.id, vision.userId, vision.versionNumber, vision.title, sections(vision, Map.of())));
    }

    public void activated(Vision vision) {
        outbox.record(
                Topics.VISION,
                EventType.VISION_ACTIVATED,
                vision.userId,
                new VisionActivated(vision.id, vision.userId, vision.versionNumber));
    }

    public void deleted(Vision vision) {
        outbox.record(
                Topics.VISION,
                EventType.VISION_DELETED,
                vision.userId,
                new VisionDeleted(vision.id, vision.userId, vision.versionNumber));
    }

    public void actualized(BoardItem item) {
        outbox.record(
                Topics.VISION,
                EventType.VISION_BOARD_ITEM_ACTUALIZED,
                item.userId,
                new VisionBoardItemActualized(item.id, item.userId, item.name, item.categoryList(), item.actualizedAt));
    }

    /**
     * The media the item references now (its image, if any), so media-service keeps the object while
     * any entity of any service references it. The caller holds the item's row lock or just inserted it.
     */
    public void boardItemMedia(BoardItem item) {
        mediaReferences.references(
                Topics.VISION,
                VISION_BOARD_ITEM,
                item.id,
                item.userId,
                item.imageUrl == null ? List.of() : List.of(item.imageUrl));
    }

    /** The item is gone and references nothing; the caller holds its row lock. */
    public void boardItemDeleted(BoardItem item) {
        mediaReferences.deleted(Topics.VISION, VISION_BOARD_ITEM, item.id, item.userId);
    }

    /**
     * Every section with its hash and normalised text. A section counts as changed when its hash
     * differs from {@code previousHashes}; with no previous hashes (creation, completion) none did.
     */
    static List<SectionSnapshot> sections(Vision vision, Map<VisionSection, String> previousHashes) {
        return Arrays.stream(VisionSection.values())
                .map(section -> {
                    String text = section.textOf(vision);
                    String hash = ContentHash.of(text);
                    boolean changed = previousHashes.containsKey(section)
                            && !previousHashes.get(section).equals(hash);
                    return new SectionSnapshot(section.key(), hash, ContentHash.normalise(text), changed);
                })
                .toList();
    }
}
