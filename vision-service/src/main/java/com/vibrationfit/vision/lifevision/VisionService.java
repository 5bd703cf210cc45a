package com.vibrationfit.vision.lifevision;

import com.vibrationfit.events.ContentHash;
import com.vibrationfit.platform.errors.Conflict;
import com.vibrationfit.platform.errors.FieldError;
import com.vibrationfit.platform.errors.NotFound;
import com.vibrationfit.platform.errors.Unprocessable;
import com.vibrationfit.platform.http.ETags;
import com.vibrationfit.platform.paging.Cursor;
import com.vibrationfit.platform.paging.Page;
import com.vibrationfit.platform.paging.PageRequest;
import com.vibrationfit.platform.time.DatabaseClock;
import com.vibrationfit.vision.events.VisionEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** The rules of writing a Life Vision: versions, edits, completion and deletion, each with its event. */
@ApplicationScoped
@Transactional
public class VisionService {

    @Inject
    VisionRepository visions;

    @Inject
    VisionEvents events;

    public Vision create(UUID userId, NewVision request) {
        Vision vision = new Vision();
        vision.id = UUID.randomUUID();
        vision.userId = userId;
        vision.title = request.title() == null ? "" : request.title();
        if (request.copyFrom() != null) {
            Vision source = visions.findOwned(userId, request.copyFrom())
                    .orElseThrow(() -> new Unprocessable(
                            "copy_from names no vision of yours",
                            List.of(new FieldError(
                                    "copy_from", "no vision " + request.copyFrom() + " of yours exists"))));
            for (VisionSection section : VisionSection.values()) {
                section.write(vision, section.textOf(source));
            }
            if (request.title() == null) {
                vision.title = source.title;
            }
        }
        vision.versionNumber = visions.nextVersionNumber(userId);
        vision.completionPercentage = VisionRules.completionPercentage(vision);
        vision.createdAt = DatabaseClock.now();
        vision.updatedAt = vision.createdAt;
        visions.persistAndFlush(vision);
        events.created(vision);
        return vision;
    }

    public Page<Vision> list(UUID userId, String status, PageRequest page) {
        return page.page(visions.page(userId, status, page), v -> new Cursor(v.createdAt, v.id));
    }

    public Vision active(UUID userId) {
        return visions.active(userId).orElseThrow(() -> new NotFound("you have no complete vision yet"));
    }

    public Vision get(UUID userId, UUID id) {
        return visions.findOwned(userId, id).orElseThrow(() -> new NotFound("vision", id));
    }

    /**
     * Applies the changes if {@code ifMatch} (when given) is the current ETag. A request that changes
     * nothing writes nothing and announces nothing.
     */
    public Vision update(UUID userId, UUID id, String ifMatch, VisionChanges changes) {
        Vision vision = visions.lockOwned(userId, id).orElseThrow(() -> new NotFound("vision", id));
        ETags.checkIfMatch(ifMatch, etag(vision));
        Map<VisionSection, String> before = hashes(vision);
        boolean modified = false;
        if (changes.title() != null && !changes.title().equals(vision.title)) {
            vision.title = changes.title();
            modified = true;
        }
        for (Map.Entry<VisionSection, String> change : changes.sections().entrySet()) {
            if (!Objects.equals(change.getKey().textOf(vision), change.getValue())) {
                change.getKey().write(vision, change.getValue());
                modified = true;
            }
        }
        if (!modified) {
            return vision;
        }
        List<FieldError> emptied = VisionRules.emptiedCategories(vision);
        if (!emptied.isEmpty()) {
            // Thrown before anything is flushed: the transaction rolls back, nothing is written or announced.
            throw new Conflict("a complete vision keeps all 12 life categories written", emptied);
        }
        vision.completionPercentage = VisionRules.completionPercentage(vision);
        vision.updatedAt = DatabaseClock.now();
        visions.flush();
        events.updated(vision, before);
        return vision;
    }

    /** Marks the vision complete; 422 naming every blank category. Completing twice changes nothing. */
    public Vision complete(UUID userId, UUID id) {
        Vision vision = visions.lockOwned(userId, id).orElseThrow(() -> new NotFound("vision", id));
        if (vision.isComplete()) {
            return vision;
        }
        List<FieldError> blank = VisionRules.blankCategories(vision);
        if (!blank.isEmpty()) {
            throw new Unprocessable(
                    "a vision is complete when all 12 life categories are written; " + blank.size() + " still blank",
                    blank);
        }
        vision.status = Vision.COMPLETE;
        vision.completionPercentage = VisionRules.completionPercentage(vision);
        vision.updatedAt = DatabaseClock.now();
        visions.makeActive(vision);
        events.completed(vision);
        return vision;
    }

    /**
     * Makes a complete version the member's active one (the one narration, VIVA and the home screen use); the
     * version active before stays complete, in the history. A draft cannot be active (409). Activating the
     * active version changes nothing. Not an edit: the version's ETag stays.
     */
    public Vision activate(UUID userId, UUID id) {
        Vision vision = visions.lockOwned(userId, id).orElseThrow(() -> new NotFound("vision", id));
        if (!vision.isComplete()) {
            throw new Conflict("vision " + id + " is a draft; complete it before making it your active vision");
        }
        if (vision.isActive) {
            return vision;
        }
        visions.makeActive(vision);
        events.activated(vision);
        return vision;
    }

    /** Deletes a draft; a complete vision is history the member keeps (409). */
    public void delete(UUID userId, UUID id) {
        Vision vision = visions.lockOwned(userId, id).orElseThrow(() -> new NotFound("vision", id));
        if (vision.isComplete()) {
            throw new Conflict("vision " + id + " is complete; only drafts can be deleted");
        }
        visions.delete(vision);
        visions.flush();
        events.deleted(vision);
    }

    public static String etag(Vision vision) {
        return ETags.of(vision.id, vision.updatedAt);
    }

    private static Map<VisionSection, String> hashes(Vision vision) {
        Map<VisionSection, String> hashes = new EnumMap<>(VisionSection.class);
        for (VisionSection section : VisionSection.values()) {
            hashes.put(section, ContentHash.of(section.textOf(vision)));
        }
        return hashes;
    }
}
