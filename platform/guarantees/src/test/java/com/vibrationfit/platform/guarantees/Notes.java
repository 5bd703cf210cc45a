package com.vibrationfit.platform.guarantees;

import com.vibrationfit.events.Topics;
import com.vibrationfit.platform.guarantees.notes.NoteEvents;
import com.vibrationfit.platform.testing.Api;
import com.vibrationfit.platform.testing.KafkaTopics;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;

/** Requests to the test application and the events its consumer reads, shared by this module's tests. */
public final class Notes {

    /** The consumer's channel, as the operations API names it. */
    public static final String LIKES_CHANNEL = "likes";
    /** The consumer's dead-letter topic: {@code <topic>.dlq.<service>}. */
    public static final String LIKES_DLQ = Topics.deadLetter(NoteEvents.LIKES, "platform-guarantees");

    private Notes() {}

    public static RequestSpecification as(UUID user) {
        return Api.as(user);
    }

    /** Writes a note for {@code user}; returns its id. */
    public static String write(UUID user, String body) {
        return as(user).body(Map.of("body", body))
                .post("/api/v1/notes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** The note's likes as its owner reads them. */
    public static int likes(UUID user, String noteId) {
        return as(user).get("/api/v1/notes/" + noteId)
                .then()
                .statusCode(200)
                .extract()
                .path("likes");
    }

    /** The payload of a {@code note.liked} event. */
    public static String liked(UUID user, String noteId) {
        return "{\"note_id\":\"%s\",\"user_id\":\"%s\"}".formatted(noteId, user);
    }

    /** Publishes {@code note.liked} with {@code eventId} to the consumer's topic; returns the id. */
    public static UUID like(UUID user, String noteId, UUID eventId) {
        return KafkaTopics.publish(NoteEvents.LIKES, eventId, NoteEvents.NOTE_LIKED, user, liked(user, noteId));
    }

    public static UUID like(UUID user, String noteId) {
        return like(user, noteId, UUID.randomUUID());
    }
}
