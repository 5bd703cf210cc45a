package com.vibrationfit.events;

/**
 * The CloudEvents {@code type} of every event on the platform. A type names one payload record;
 * payloads may gain fields but a field never changes meaning.
 */
public final class EventType {
    public static final String USER_DELETED = "user.deleted";
    public static final String USER_EXPORT_REQUESTED = "user.export.requested";
    public static final String USER_EXPORT_PART_READY = "user.export.part.ready";
    public static final String VISION_CREATED = "vision.created";
    public static final String VISION_UPDATED = "vision.updated";
    public static final String VISION_COMPLETED = "vision.completed";
    public static final String VISION_ACTIVATED = "vision.activated";
    public static final String VISION_DELETED = "vision.deleted";
    public static final String VISION_BOARD_ITEM_ACTUALIZED = "vision-board.item.actualized";
    public static final String AUDIO_TRACK_COMPLETED = "audio.track.completed";
    public static final String AUDIO_TRACK_FAILED = "audio.track.failed";
    public static final String AI_USAGE_RECORDED = "ai.usage.recorded";
    public static final String MEDIA_OBJECT_UPLOADED = "media.object.uploaded";
    public static final String MEDIA_OBJECT_DELETED = "media.object.deleted";
    public static final String MEDIA_RECORDING_TRANSCRIBED = "media.recording.transcribed";
    public static final String MEDIA_REFERENCES_CHANGED = "media.references.changed";
    public static final String JOURNAL_ENTRY_CREATED = "journal.entry.created";
    public static final String JOURNAL_ENTRY_UPDATED = "journal.entry.updated";
    public static final String JOURNAL_ENTRY_DELETED = "journal.entry.deleted";
    public static final String PROFILE_VERSION_CREATED = "profile.version.created";
    public static final String PROFILE_VERSION_UPDATED = "profile.version.updated";
    public static final String PROFILE_VERSION_COMMITTED = "profile.version.committed";
    public static final String PROFILE_VERSION_DELETED = "profile.version.deleted";
    public static final String AI_BALANCE_CHANGED = "ai.balance.changed";
    public static final String ASSESSMENT_STARTED = "assessment.started";
    public static final String ASSESSMENT_COMPLETED = "assessment.completed";
    public static final String ASSESSMENT_DELETED = "assessment.deleted";

    private EventType() {}
}
