package com.vibrationfit.profile.events;

import com.vibrationfit.events.EventType;
import com.vibrationfit.events.ProfileCommitted;
import com.vibrationfit.events.ProfileVersionChanged;
import com.vibrationfit.events.Topics;
import com.vibrationfit.platform.media.MediaReferenceAnnouncer;
import com.vibrationfit.platform.outbox.Outbox;
import com.vibrationfit.profile.version.ProfileAnswers;
import com.vibrationfit.profile.version.ProfileRules;
import com.vibrationfit.profile.version.ProfileVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What profile-service tells the platform on {@code profile.events}, recorded in the outbox of the changing
 * transaction (key: the member, so one member's events stay in order). Every change of a version also
 * announces the full set of media it references ({@code media.references.changed}, entity type
 * {@value #PROFILE_VERSION}): media-service keeps an object while any version (or any other entity)
 * references it. Callers hold the member's version lock, which orders the announcements of one version.
 */
@ApplicationScoped
public class ProfileEvents {

    public static final String PROFILE_VERSION = "profile_version";

    @Inject
    Outbox outbox;

    @Inject
    MediaReferenceAnnouncer mediaReferences;

    public void created(ProfileVersion version) {
        List<String> media = mediaUrls(version.answers);
        outbox.record(
                Topics.PROFILE, EventType.PROFILE_VERSION_CREATED, version.userId, changed(version, media, List.of()));
        mediaReferences.references(Topics.PROFILE, PROFILE_VERSION, version.id, version.userId, media);
    }

    public void updated(ProfileVersion version, List<String> mediaBefore) {
        List<String> media = mediaUrls(version.answers);
        List<String> removed = new ArrayList<>(mediaBefore);
        removed.removeAll(media);
        outbox.record(
                Topics.PROFILE, EventType.PROFILE_VERSION_UPDATED, version.userId, changed(version, media, removed));
        if (!media.equals(mediaBefore)) {
            mediaReferences.references(Topics.PROFILE, PROFILE_VERSION, version.id, version.userId, media);
        }
    }

    /** The version's place changed (committed, activated, deactivated), not its fields. */
    public void stateChanged(ProfileVersion version) {
        List<String> media = mediaUrls(version.answers);
        outbox.record(
                Topics.PROFILE, EventType.PROFILE_VERSION_UPDATED, version.userId, changed(version, media, List.of()));
    }

    /** {@code profile.version.deleted} still lists the media the version referenced, for its other consumers. */
    public void deleted(ProfileVersion version) {
        List<String> media = mediaUrls(version.answers);
        outbox.record(
                Topics.PROFILE, EventType.PROFILE_VERSION_DELETED, version.userId, changed(version, media, media));
        mediaReferences.deleted(Topics.PROFILE, PROFILE_VERSION, version.id, version.userId);
    }

    /** The member's committed profile is now {@code active}; {@code profile} holds its written fields. */
    public void committed(ProfileVersion active, UUID previousActiveId, String reason, Map<String, Object> profile) {
        ProfileAnswers a = active.answers;
        outbox.record(
                Topics.PROFILE,
                EventType.PROFILE_VERSION_COMMITTED,
                active.userId,
                new ProfileCommitted(
                        active.id,
                        active.userId,
                        active.versionNumber,
                        previousActiveId,
                        reason,
                        a.relationshipStatus,
                        a.relationshipStatus == null || a.relationshipStatus.isBlank()
                                ? null
                                : ProfileRules.inRelationship(a),
                        ProfileRules.withChildren(a),
                        a.numberOfChildren,
                        a.employmentType,
                        active.completionPercentage,
                        profile));
    }

    /** Every media URL a version references: the photo, progress photos and story recordings. */
    public static List<String> mediaUrls(ProfileAnswers a) {
        List<String> urls = new ArrayList<>();
        if (a.profilePictureUrl != null && !a.profilePictureUrl.isBlank()) {
            urls.add(a.profilePictureUrl);
        }
        if (a.progressPhotos != null) {
            urls.addAll(a.progressPhotos);
        }
        if (a.storyRecordings != null) {
            a.storyRecordings.forEach(r -> urls.add(r.url()));
        }
        return urls;
    }

    private static ProfileVersionChanged changed(ProfileVersion v, List<String> media, List<String> removed) {
        return new ProfileVersionChanged(
                v.id,
                v.userId,
                v.versionNumber,
                v.draft(),
                v.active(),
                v.parentVersionId,
                v.completionPercentage,
                media,
                removed);
    }
}
