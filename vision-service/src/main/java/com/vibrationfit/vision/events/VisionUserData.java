package com.vibrationfit.vision.events;

import com.vibrationfit.platform.inbox.UserDataPurger;
import com.vibrationfit.vision.board.BoardItemRepository;
import com.vibrationfit.vision.vision.VisionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/** A deleted account takes all its visions and board items with it. */
@ApplicationScoped
public class VisionUserData implements UserDataPurger {

    @Inject
    VisionRepository visions;

    @Inject
    BoardItemRepository boardItems;

    @Override
    public void purge(UUID userId) {
        boardItems.deleteAllOf(userId);
        visions.deleteAllOf(userId);
    }
}
