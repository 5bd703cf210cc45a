package com.vibrationfit.platform.guarantees.notes;

import java.util.UUID;

/** The test application's topics, event types and payloads (test-only: not part of platform/events). */
public final class NoteEvents {

    /** What the application announces through the outbox. */
    public static final String NOTES = "guarantees.notes";
    /** What its one consumer reads through the inbox (channel {@code likes}). */
    public static final String LIKES = "guarantees.likes";

    public static final String NOTE_WRITTEN = "note.written";
    public static final String NOTE_EDITED = "note.edited";
    public static final String NOTE_LIKED = "note.liked";

    /** {@code note.written} and {@code note.edited}: the note as it is now. */
    public record NoteChanged(UUID noteId, UUID userId, String body) {}

    /** {@code note.liked}, consumed: one more like of the member's note. */
    public record NoteLiked(UUID noteId, UUID userId) {}

    private NoteEvents() {}
}
