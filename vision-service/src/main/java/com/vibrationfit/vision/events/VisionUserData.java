package com.vibrationfit.vision.events;

import com.vibrationfit.platform.export.ExportPart;
import com.vibrationfit.platform.export.UserDataExporter;
import com.vibrationfit.platform.inbox.UserDataPurger;
import com.vibrationfit.vision.board.BoardItemRepository;
import com.vibrationfit.vision.lifevision.VisionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/** A deleted account takes all its visions and board items with it. */
@ApplicationScoped
public class VisionUserData implements UserDataPurger, UserDataExporter {

    @Inject
    VisionRepository visions;

    @Inject
    BoardItemRepository boardItems;

    @Override
    public void purge(UUID userId) {
        boardItems.deleteAllOf(userId);
        visions.deleteAllOf(userId);
    }

    /** Every Life Vision version and every board item; their images come with media-service's part. */
    @Override
    public void export(UUID userId, ExportPart part) {
        part.rows(
                "vision_versions",
                "select * from vision_versions where user_id = ?1 order by created_at, version_number");
        part.rows("vision_board_items", "select * from vision_board_items where user_id = ?1 order by created_at");
    }
}
