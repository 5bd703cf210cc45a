package com.vibrationfit.vision.board;

import com.vibrationfit.events.LifeCategory;
import com.vibrationfit.platform.errors.InvalidRequest;
import com.vibrationfit.platform.http.ETags;
import com.vibrationfit.platform.media.MediaLinks;
import com.vibrationfit.platform.paging.Cursor;
import com.vibrationfit.platform.paging.Page;
import com.vibrationfit.platform.paging.PageRequest;
import com.vibrationfit.platform.security.CurrentUser;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/vision-board")
@Tag(name = "Vision board", description = "Goals pinned on the vision board and their status")
@SecurityRequirement(name = "bearer")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BoardResource {

    @Inject
    BoardService service;

    @Inject
    CurrentUser user;

    @Inject
    MediaLinks links;

    @GET
    @Path("/items")
    @Operation(summary = "List my board items, newest first")
    public Page<BoardItemView> list(
            @Parameter(
                            description = "active, actualized or inactive",
                            schema = @Schema(implementation = BoardItemStatus.class))
                    @QueryParam("status")
                    String status,
            @Parameter(
                            description = "one of the 12 life category keys",
                            schema = @Schema(implementation = LifeCategory.class))
                    @QueryParam("category")
                    String category,
            @Parameter(description = "1..100, default 20") @QueryParam("limit") Integer limit,
            @Parameter(description = "next_cursor of the previous page")
                    @QueryParam("cursor")
                    @Size(max = Cursor.MAX_LENGTH)
                    String cursor) {
        BoardItemStatus wantedStatus = status == null ? null : parseStatus(status);
        LifeCategory wantedCategory = category == null
                ? null
                : LifeCategory.fromKey(category)
                        .orElseThrow(() -> InvalidRequest.of("category", "must be one of " + LifeCategory.keys()));
        return service.list(user.id(), wantedStatus, wantedCategory, PageRequest.of(limit, cursor))
                .map(item -> BoardItemView.of(item, links));
    }

    @POST
    @Path("/items")
    @Operation(summary = "Pin a new item on my board")
    @APIResponse(responseCode = "400", description = "Invalid field")
    @APIResponseSchema(value = BoardItemView.class, responseCode = "201", responseDescription = "Created")
    public Response create(@Valid NewBoardItem body) {
        InvalidRequest.requireBody(body, "a JSON object with at least name");
        BoardItem item = service.create(user.id(), body);
        return Response.created(URI.create("/api/v1/vision-board/items/" + item.id))
                .tag(ETags.entityTag(BoardService.etag(item)))
                .entity(BoardItemView.of(item, links))
                .build();
    }

    @GET
    @Path("/items/{id}")
    @Operation(summary = "One of my board items")
    @APIResponse(responseCode = "404", description = "No such item of yours")
    @APIResponseSchema(
            value = BoardItemView.class,
            responseCode = "200",
            responseDescription = "The item, with its ETag")
    public Response get(@PathParam("id") UUID id) {
        return withETag(service.get(user.id(), id));
    }

    @PATCH
    @Path("/items/{id}")
    @Operation(
            summary = "Edit an item",
            description = "Absent fields stay. Moving to actualized stamps "
                    + "actualized_at; moving back to active or inactive clears it.")
    @APIResponse(responseCode = "412", description = "If-Match is stale")
    @APIResponseSchema(
            value = BoardItemView.class,
            responseCode = "200",
            responseDescription = "The updated item with its new ETag")
    public Response update(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Size(max = ETags.IF_MATCH_MAX_LENGTH) String ifMatch,
            @Valid BoardItemChanges body) {
        InvalidRequest.requireBody(body, "a JSON object with the fields to change");
        return withETag(service.update(user.id(), id, ifMatch, body));
    }

    @DELETE
    @Path("/items/{id}")
    @Operation(summary = "Remove an item from my board")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") UUID id) {
        service.delete(user.id(), id);
        return Response.noContent().build();
    }

    @POST
    @Path("/items/{id}/actualize")
    @Operation(summary = "Mark an item actualized: it came true")
    @APIResponseSchema(value = BoardItemView.class, responseCode = "200", responseDescription = "The actualized item")
    public Response actualize(@PathParam("id") UUID id) {
        return withETag(service.actualize(user.id(), id));
    }

    @GET
    @Path("/stats")
    @Operation(summary = "How many of my items are in each status")
    public BoardStats stats() {
        return service.stats(user.id());
    }

    private static BoardItemStatus parseStatus(String status) {
        try {
            return BoardItemStatus.of(status);
        } catch (IllegalArgumentException e) {
            throw InvalidRequest.of("status", "must be one of " + BoardItemStatus.names());
        }
    }

    private Response withETag(BoardItem item) {
        return ETags.ok(BoardItemView.of(item, links), BoardService.etag(item));
    }
}
