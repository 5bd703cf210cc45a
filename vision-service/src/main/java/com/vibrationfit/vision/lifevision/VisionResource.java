package com.vibrationfit.vision.lifevision;

import com.vibrationfit.platform.errors.InvalidRequest;
import com.vibrationfit.platform.http.ETags;
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
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/visions")
@Tag(name = "Visions", description = "Life Vision versions: 12 life categories plus forward and conclusion")
@SecurityRequirement(name = "bearer")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VisionResource {

    private static final Set<String> STATUSES = Set.of(Vision.DRAFT, Vision.COMPLETE);

    @Inject
    VisionService service;

    @Inject
    CurrentUser user;

    @POST
    @Operation(
            summary = "Start a new vision version",
            description = "version_number is your highest + 1; "
                    + "copy_from starts from an earlier version's title and sections.")
    @APIResponse(responseCode = "400", description = "Invalid field")
    @APIResponse(responseCode = "422", description = "copy_from names no vision of yours")
    @APIResponseSchema(
            value = VisionView.class,
            responseCode = "201",
            responseDescription = "Created; Location and ETag headers set")
    public Response create(@Valid NewVision body) {
        Vision vision = service.create(user.id(), body == null ? new NewVision(null, null) : body);
        return Response.created(URI.create("/api/v1/visions/" + vision.id))
                .tag(ETags.entityTag(VisionService.etag(vision)))
                .entity(VisionView.of(vision))
                .build();
    }

    @GET
    @Operation(summary = "List my visions, newest first")
    @APIResponse(responseCode = "200", description = "A page: items and next_cursor")
    public Page<VisionView> list(
            @Parameter(
                            description = "draft or complete",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {Vision.DRAFT, Vision.COMPLETE}))
                    @QueryParam("status")
                    String status,
            @Parameter(description = "1..100, default 20") @QueryParam("limit") Integer limit,
            @Parameter(description = "next_cursor of the previous page")
                    @QueryParam("cursor")
                    @Size(max = Cursor.MAX_LENGTH)
                    String cursor) {
        if (status != null && !STATUSES.contains(status)) {
            throw InvalidRequest.of("status", "must be one of " + STATUSES);
        }
        return service.list(user.id(), status, PageRequest.of(limit, cursor)).map(VisionView::of);
    }

    @GET
    @Path("/active")
    @Operation(
            summary = "My active vision",
            description = "The complete version completed or activated (POST /visions/{id}/activate) last.")
    @APIResponse(responseCode = "404", description = "No complete vision yet")
    @APIResponseSchema(
            value = VisionView.class,
            responseCode = "200",
            responseDescription = "The active vision, with its ETag")
    public Response active() {
        return withETag(service.active(user.id()));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One of my visions, with its ETag")
    @APIResponse(responseCode = "404", description = "No such vision of yours")
    @APIResponseSchema(
            value = VisionView.class,
            responseCode = "200",
            responseDescription = "The vision, with its ETag")
    public Response get(@PathParam("id") UUID id) {
        return withETag(service.get(user.id(), id));
    }

    @PATCH
    @Path("/{id}")
    @Operation(
            summary = "Edit the title and any sections",
            description = "Absent fields stay as they are. "
                    + "completion_percentage is recomputed. Send If-Match with the ETag you read to avoid overwriting "
                    + "another tab's edit. A complete vision keeps its 12 life categories written: an edit that would "
                    + "empty one is refused (409, naming each such section in errors); forward and conclusion may be "
                    + "emptied. To rewrite a complete vision, start a new version from it (POST with copy_from).")
    @APIResponse(responseCode = "412", description = "If-Match is stale")
    @APIResponse(
            responseCode = "409",
            description = "The vision is complete and the edit would empty these life categories (errors[].field)")
    @APIResponseSchema(
            value = VisionView.class,
            responseCode = "200",
            responseDescription = "The updated vision with its new ETag")
    public Response update(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Size(max = ETags.IF_MATCH_MAX_LENGTH) String ifMatch,
            @Valid VisionChanges body) {
        InvalidRequest.requireBody(body, "a JSON object with the fields to change");
        return withETag(service.update(user.id(), id, ifMatch, body));
    }

    @POST
    @Path("/{id}/complete")
    @Operation(summary = "Mark the vision complete", description = "All 12 life categories must be written.")
    @APIResponse(responseCode = "422", description = "Lists the blank category sections")
    @APIResponseSchema(value = VisionView.class, responseCode = "200", responseDescription = "The completed vision")
    public Response complete(@PathParam("id") UUID id) {
        return withETag(service.complete(user.id(), id));
    }

    @POST
    @Path("/{id}/activate")
    @Operation(
            summary = "Make a complete vision my active one",
            description = "The active vision is the one narration, VIVA and the home screen use. Completing a version "
                    + "makes it active; this brings back an older complete version. The version active before stays "
                    + "complete in the history. Activating the active version changes nothing. Not an edit: the "
                    + "ETag stays.")
    @APIResponse(responseCode = "404", description = "No such vision of yours")
    @APIResponse(responseCode = "409", description = "The vision is a draft: complete it first")
    @APIResponseSchema(value = VisionView.class, responseCode = "200", responseDescription = "The vision, now active")
    public Response activate(@PathParam("id") UUID id) {
        return withETag(service.activate(user.id(), id));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a draft vision")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "The vision is complete")
    public Response delete(@PathParam("id") UUID id) {
        service.delete(user.id(), id);
        return Response.noContent().build();
    }

    private static Response withETag(Vision vision) {
        return ETags.ok(VisionView.of(vision), VisionService.etag(vision));
    }
}
