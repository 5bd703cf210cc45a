package com.vibrationfit.platform.guarantees.notes;

import com.vibrationfit.platform.errors.InvalidRequest;
import com.vibrationfit.platform.errors.NotFound;
import com.vibrationfit.platform.outbox.Outbox;
import com.vibrationfit.platform.security.CurrentUser;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;

/**
 * A member writes, edits and reads their notes; every change records its event in the platform {@link Outbox}
 * in the changing transaction, as every service does. Each method is one transaction, so the row-level
 * security context is bound before its first query.
 */
@Path("/api/v1/notes")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NoteResource {

    /** Request body of both writes. */
    public record NoteText(String body) {}

    public record NoteView(UUID id, String body, int likes) {
        static NoteView of(Note note) {
            return new NoteView(note.id, note.body, note.likes);
        }
    }

    @Inject
    CurrentUser user;

    @Inject
    Outbox outbox;

    @POST
    @Transactional
    public Response write(NoteText text) {
        InvalidRequest.requireBody(text, "a JSON object with the note's body");
        Note note = new Note();
        note.id = UUID.randomUUID();
        note.userId = user.id();
        note.body = text.body() == null ? "" : text.body();
        note.persist();
        announce(NoteEvents.NOTE_WRITTEN, note);
        return Response.created(URI.create("/api/v1/notes/" + note.id))
                .entity(NoteView.of(note))
                .build();
    }

    @PATCH
    @Path("/{id}")
    @Transactional
    public NoteView edit(@PathParam("id") UUID id, NoteText text) {
        InvalidRequest.requireBody(text, "a JSON object with the note's body");
        Note note = Note.<Note>find("id = ?1 and userId = ?2", id, user.id())
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional()
                .orElseThrow(() -> new NotFound("note", id));
        note.body = text.body() == null ? "" : text.body();
        // A change whose event Kafka could not take is refused here (422, EventTooLarge): the edit is rolled back.
        announce(NoteEvents.NOTE_EDITED, note);
        return NoteView.of(note);
    }

    @GET
    @Path("/{id}")
    @Transactional
    public NoteView read(@PathParam("id") UUID id) {
        return Note.<Note>find("id = ?1 and userId = ?2", id, user.id())
                .firstResultOptional()
                .map(NoteView::of)
                .orElseThrow(() -> new NotFound("note", id));
    }

    private void announce(String type, Note note) {
        outbox.record(NoteEvents.NOTES, type, note.userId, new NoteEvents.NoteChanged(note.id, note.userId, note.body));
    }
}
