package com.vibrationfit.aiusage.viva;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vibrationfit.events.LifeCategory;
import com.vibrationfit.platform.errors.Problem;
import com.vibrationfit.platform.paging.Cursor;
import com.vibrationfit.platform.paging.Page;
import com.vibrationfit.platform.paging.PageRequest;
import com.vibrationfit.platform.security.CurrentUser;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** VIVA's threads: start, list, rename, delete, read, and talk (the reply streamed as Server-Sent Events). */
@Path("/api/v1/ai/conversations")
@Tag(name = "VIVA", description = "Conversations with VIVA, the AI coach; replies stream as Server-Sent Events")
@SecurityRequirement(name = "bearer")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConversationResource {

    static final String STREAM_DESCRIPTION = """
            Stores your message, holds the reply's estimated cost (402 problem with `remaining` and `required` when \
            your balance is short; nothing is stored then) and streams VIVA's reply as Server-Sent Events:

            - `event: started`, data `{"user_message": {...}, "model": "...", "offline": false, "estimated_tokens": 1234}`
            - `event: delta`, data `{"text": "..."}`, once per piece of the reply
            - `event: done`, data `{"message_id", "conversation_id", "user_message_id", "tokens_used", "input_tokens", \
            "output_tokens", "model", "offline", "usage_id"}`: the reply is stored and charged at the provider's \
            reported usage
            - `event: error`, data a problem document: the model failed; nothing is stored as a reply and the hold \
            is released

            Closing the connection stops the reply: its hold is released and nothing is stored. The offline coach \
            (no provider configured) answers the same way, costs 0 tokens and says `"offline": true`. Send \
            `Accept: application/json` for the whole reply in one response instead.""";

    @Inject
    Conversations conversations;

    @Inject
    Coach coach;

    @Inject
    VivaConfig config;

    @Inject
    CurrentUser user;

    @Context
    Sse sse;

    @Inject
    ObjectMapper json;

    @POST
    @Operation(summary = "Start a conversation", description = "Every field is optional; mode defaults to coach.")
    @APIResponseSchema(value = ConversationView.class, responseCode = "201", responseDescription = "Started")
    @APIResponse(responseCode = "400", description = "Unknown mode or category, or a bad title")
    public Response start(NewConversation body) {
        Conversation thread = conversations.start(user.id(), body);
        return Response.created(URI.create("/api/v1/ai/conversations/" + thread.id))
                .entity(ConversationView.of(thread))
                .build();
    }

    @GET
    @Operation(summary = "My conversations, latest activity first")
    public Page<ConversationView> list(
            @Parameter(
                            description = "vision_builder, refinement, coach or master",
                            schema = @Schema(implementation = CoachMode.class))
                    @QueryParam("mode")
                    String mode,
            @QueryParam("limit") Integer limit,
            @QueryParam("cursor") @Size(max = Cursor.MAX_LENGTH) String cursor) {
        return conversations.list(user.id(), mode, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One conversation")
    @APIResponseSchema(value = ConversationView.class, responseCode = "200", responseDescription = "The conversation")
    @APIResponse(responseCode = "404", description = "No such conversation of yours")
    public ConversationView get(@PathParam("id") UUID id) {
        return ConversationView.of(conversations.visible(user.id(), id));
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "Rename a conversation")
    @APIResponseSchema(value = ConversationView.class, responseCode = "200", responseDescription = "Renamed")
    @APIResponse(responseCode = "400", description = "title missing, blank or over 200 characters")
    @APIResponse(responseCode = "404", description = "No such conversation of yours")
    public ConversationView rename(@PathParam("id") UUID id, ConversationChanges body) {
        return ConversationView.of(conversations.rename(user.id(), id, body));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a conversation and all its messages")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such conversation of yours")
    public void delete(@PathParam("id") UUID id) {
        conversations.delete(user.id(), id);
    }

    @GET
    @Path("/{id}/messages")
    @Operation(summary = "A conversation's messages, oldest first (both roles)")
    @APIResponse(responseCode = "200", description = "A page of messages: items and next_cursor")
    @APIResponse(responseCode = "404", description = "No such conversation of yours")
    public Page<MessageView> messages(
            @PathParam("id") UUID id,
            @QueryParam("limit") Integer limit,
            @QueryParam("cursor") @Size(max = Cursor.MAX_LENGTH) String cursor) {
        return conversations.messages(user.id(), id, PageRequest.of(limit, cursor));
    }

    @POST
    @Path("/{id}/messages")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    @Operation(summary = "Talk to VIVA: the reply streams as Server-Sent Events", description = STREAM_DESCRIPTION)
    @APIResponse(
            responseCode = "200",
            description = "The reply's event stream",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS))
    @APIResponse(responseCode = "400", description = "message missing, blank or too long")
    @APIResponse(responseCode = "402", description = "Too few tokens (remaining, required); nothing stored")
    @APIResponse(responseCode = "404", description = "No such conversation of yours")
    public Multi<OutboundSseEvent> talk(@PathParam("id") UUID id, NewMessage body) {
        CoachTurn turn = coach.begin(user.id(), id, body);
        return Multi.createFrom().emitter(emitter -> {
            emitter.emit(event(
                    "started",
                    Map.of(
                            "user_message",
                            turn.userMessage(),
                            "model",
                            coach.modelName(),
                            "offline",
                            coach.offline(),
                            "estimated_tokens",
                            turn.estimatedTokens())));
            Coach.Reply reply = coach.reply(turn, new ReplyListener() {
                @Override
                public void delta(String text) {
                    emitter.emit(event("delta", Map.of("text", text)));
                }

                @Override
                public void done(CoachReply whole, ReplyDone summary) {
                    emitter.emit(event("done", summary));
                    emitter.complete();
                }

                @Override
                public void failed(Problem problem) {
                    emitter.emit(event("error", problem));
                    emitter.complete();
                }
            });
            emitter.onTermination(reply::cancel); // the client went away (or the stream ended: then a no-op)
        });
    }

    @POST
    @Path("/{id}/messages")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Talk to VIVA and get the whole reply at once (Accept: application/json)",
            description =
                    "The same turn as the streamed variant, answered when the reply is stored: 201 with your message, "
                            + "the reply and what it cost; 502 problem when the model failed (nothing charged).")
    @APIResponseSchema(value = CoachReply.class, responseCode = "201", responseDescription = "Replied")
    @APIResponse(responseCode = "400", description = "message missing, blank or too long")
    @APIResponse(responseCode = "402", description = "Too few tokens (remaining, required); nothing stored")
    @APIResponse(responseCode = "404", description = "No such conversation of yours")
    @APIResponse(responseCode = "502", description = "The model failed; nothing charged, your message is kept")
    public Response talkAndWait(@PathParam("id") UUID id, NewMessage body) {
        return Response.status(201)
                .entity(replyOf(coach.begin(user.id(), id, body)))
                .build();
    }

    @POST
    @Path("/{id}/proposals")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Ask VIVA to write one section of your vision",
            description = "VIVA drafts the section (vision_generation) or refines what your active vision says "
                    + "(vision_refinement) from this conversation, in the thread's mode. The instruction and the text "
                    + "are stored in the thread and charged like a reply, but nothing is written to your vision: to "
                    + "accept the text, PATCH your draft version with it (/api/v1/visions/{id}).")
    @APIResponseSchema(value = ProposalView.class, responseCode = "201", responseDescription = "The proposed text")
    @APIResponse(responseCode = "400", description = "section missing or unknown, instruction blank or too long")
    @APIResponse(responseCode = "402", description = "Too few tokens (remaining, required); nothing stored")
    @APIResponse(responseCode = "404", description = "No such conversation of yours")
    @APIResponse(responseCode = "502", description = "The model failed; nothing charged, your instruction is kept")
    public Response propose(@PathParam("id") UUID id, NewProposal body) {
        CoachTurn turn = coach.beginProposal(user.id(), id, body);
        CoachReply whole = replyOf(turn);
        return Response.status(201)
                .entity(new ProposalView(
                        LifeCategory.of(turn.prompt().proposalSection()),
                        whole.reply() == null ? null : whole.reply().message().strip(),
                        turn.actionType(),
                        whole.tokensUsed(),
                        whole.offline(),
                        whole.userMessage(),
                        whole.reply()))
                .build();
    }

    /** Runs the turn to its stored reply (the non-streaming answer); 502 when the model failed or took too long. */
    private CoachReply replyOf(CoachTurn turn) {
        CompletableFuture<CoachReply> answer = new CompletableFuture<>();
        Coach.Reply reply = coach.reply(turn, new ReplyListener() {
            @Override
            public void delta(String text) {}

            @Override
            public void done(CoachReply whole, ReplyDone summary) {
                answer.complete(whole);
            }

            @Override
            public void failed(Problem problem) {
                answer.completeExceptionally(new CoachUnavailable(problem.detail()));
            }
        });
        try {
            return answer.get(config.provider().timeout().toSeconds() + 30, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            reply.cancel();
            throw new CoachUnavailable("VIVA did not answer in time; nothing was charged");
        } catch (InterruptedException e) {
            reply.cancel();
            Thread.currentThread().interrupt();
            throw new CoachUnavailable("interrupted");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new CoachUnavailable(e.getMessage());
        }
    }

    /** One event whose data is a JSON document (written here, so the stream carries only event and data fields). */
    private OutboundSseEvent event(String name, Object data) {
        try {
            return sse.newEventBuilder()
                    .name(name)
                    .data(json.writeValueAsString(data))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
