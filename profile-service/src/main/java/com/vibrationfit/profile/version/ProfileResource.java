package com.vibrationfit.profile.version;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vibrationfit.platform.errors.InvalidRequest;
import com.vibrationfit.platform.http.ETags;
import com.vibrationfit.platform.media.KnownMedia;
import com.vibrationfit.platform.paging.Cursor;
import com.vibrationfit.platform.paging.Page;
import com.vibrationfit.platform.paging.PageRequest;
import com.vibrationfit.platform.security.CurrentUser;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/profiles")
@Tag(name = "Profiles", description = "Your profile, kept as versions: the active one, at most one draft, and history")
@SecurityRequirement(name = "bearer")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
public class ProfileResource {

    private static final String PATCH_DESCRIPTION = "A JSON merge patch of ProfileAnswers fields (and version_notes): "
            + "named fields take the given value, null clears one, absent fields stay. Read-only columns and unknown "
            + "names are refused (400 naming them). Media URLs must be your own confirmed uploads. "
            + "Send If-Match with the ETag you read.";

    @Inject
    ProfileService profiles;

    @Inject
    CurrentUser user;

    // Waits for just-confirmed uploads here, before the service's transaction: see KnownMedia.
    @Inject
    KnownMedia media;

    @GET
    @Path("/me")
    @Operation(summary = "My active profile, with its ETag")
    @APIResponseSchema(
            value = ProfileVersionView.class,
            responseCode = "200",
            responseDescription = "The active version")
    @APIResponse(responseCode = "404", description = "You have no profile yet")
    public Response me() {
        return withETag(profiles.active(user.id()));
    }

    @PATCH
    @Path("/me")
    @Operation(
            summary = "Edit my active profile in place (the first save creates version 1, active)",
            description = PATCH_DESCRIPTION)
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ProfileAnswers.class)))
    @APIResponseSchema(
            value = ProfileVersionView.class,
            responseCode = "200",
            responseDescription = "The edited active version with its new ETag")
    @APIResponse(
            responseCode = "201",
            description = "Your first save: version 1, active",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ProfileVersionView.class)))
    @APIResponse(
            responseCode = "400",
            description = "An invalid, read-only or unknown field, or a media URL that is not one of your uploads")
    @APIResponse(
            responseCode = "429",
            description =
                    "An upload you reference is not confirmed yet and too many of your requests already wait for theirs: retry after Retry-After")
    @APIResponse(responseCode = "412", description = "If-Match is stale")
    public Response patchMe(
            @HeaderParam(HttpHeaders.IF_MATCH) @Size(max = ETags.IF_MATCH_MAX_LENGTH) String ifMatch, ObjectNode body) {
        InvalidRequest.requireBody(body, "a JSON object with the fields to change");
        media.awaitUploaded(user.id(), mediaUrlsIn(body));
        ProfileService.Written written = profiles.patchActive(user.id(), ifMatch, body);
        if (written.created()) {
            return Response.created(URI.create("/api/v1/profiles/" + written.version().id))
                    .tag(ETags.entityTag(ProfileService.etag(written.version())))
                    .entity(profiles.view(written.version()))
                    .build();
        }
        return withETag(written.version());
    }

    @GET
    @Operation(summary = "All my profile versions, newest first")
    public Page<ProfileVersionView> list(
            @QueryParam("limit") Integer limit, @QueryParam("cursor") @Size(max = Cursor.MAX_LENGTH) String cursor) {
        PageRequest page = PageRequest.of(limit, null);
        return profiles.list(user.id(), page.limit(), cursor).map(profiles::view);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One of my profile versions, with its ETag")
    @APIResponseSchema(value = ProfileVersionView.class, responseCode = "200", responseDescription = "The version")
    @APIResponse(responseCode = "404", description = "No such version of yours")
    public Response get(@PathParam("id") UUID id) {
        return withETag(profiles.get(user.id(), id));
    }

    @POST
    @Path("/drafts")
    @Operation(
            summary = "Start a draft",
            description = "Copies every field of source_id (default: your active version; "
                    + "an empty profile if you have none); its parent_version_id is the source.")
    @APIResponseSchema(value = ProfileVersionView.class, responseCode = "201", responseDescription = "The draft")
    @APIResponse(
            responseCode = "400",
            description = "source_id is not one of your versions, or version_notes is too long")
    @APIResponse(responseCode = "409", description = "You already have a draft")
    public Response createDraft(NewDraft body) {
        ProfileVersion draft = profiles.createDraft(user.id(), body == null ? new NewDraft(null, null) : body);
        return Response.created(URI.create("/api/v1/profiles/" + draft.id))
                .tag(ETags.entityTag(ProfileService.etag(draft)))
                .entity(profiles.view(draft))
                .build();
    }

    @PATCH
    @Path("/{id}")
    @Operation(summary = "Edit my draft (or my active version)", description = PATCH_DESCRIPTION)
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ProfileAnswers.class)))
    @APIResponseSchema(
            value = ProfileVersionView.class,
            responseCode = "200",
            responseDescription = "The edited version with its new ETag")
    @APIResponse(
            responseCode = "400",
            description = "An invalid, read-only or unknown field, or a media URL that is not one of your uploads")
    @APIResponse(
            responseCode = "429",
            description =
                    "An upload you reference is not confirmed yet and too many of your requests already wait for theirs: retry after Retry-After")
    @APIResponse(responseCode = "404", description = "No such version of yours")
    @APIResponse(responseCode = "409", description = "The version is history (read-only): draft from it instead")
    @APIResponse(responseCode = "412", description = "If-Match is stale")
    public Response patch(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Size(max = ETags.IF_MATCH_MAX_LENGTH) String ifMatch,
            ObjectNode body) {
        InvalidRequest.requireBody(body, "a JSON object with the fields to change");
        media.awaitUploaded(user.id(), mediaUrlsIn(body));
        return withETag(profiles.patch(user.id(), id, ifMatch, body));
    }

    @POST
    @Path("/{id}/commit")
    @Operation(
            summary = "Commit my draft: it becomes my active profile; the previous one stays as history",
            description = "If-Match (optional) must be the draft's current ETag.")
    @APIResponseSchema(
            value = ProfileVersionView.class,
            responseCode = "200",
            responseDescription = "The new active version")
    @APIResponse(responseCode = "404", description = "No such version of yours")
    @APIResponse(responseCode = "409", description = "The version is not a draft")
    @APIResponse(responseCode = "412", description = "If-Match is stale")
    public Response commit(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Size(max = ETags.IF_MATCH_MAX_LENGTH) String ifMatch) {
        return withETag(profiles.commit(user.id(), id, ifMatch));
    }

    @POST
    @Path("/{id}/activate")
    @Operation(summary = "Roll back: make an earlier committed version my active profile again")
    @APIResponseSchema(
            value = ProfileVersionView.class,
            responseCode = "200",
            responseDescription = "The active version")
    @APIResponse(responseCode = "404", description = "No such version of yours")
    @APIResponse(responseCode = "409", description = "The version is a draft: commit it instead")
    public Response activate(@PathParam("id") UUID id) {
        return withETag(profiles.activate(user.id(), id));
    }

    @DELETE
    @Path("/{id}")
    @Operation(
            summary = "Delete a version (never the active one)",
            description = "Versions that named it as their parent "
                    + "now name its parent; later versions are renumbered. Media no version (or other entity) references any "
                    + "more are deleted by media-service.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such version of yours")
    @APIResponse(responseCode = "409", description = "The version is your active profile")
    public Response delete(@PathParam("id") UUID id) {
        profiles.delete(user.id(), id);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/changes")
    @Operation(
            summary = "What changed: the fields whose values differ from another version's",
            description =
                    "against defaults to the version's parent; a version without one is compared with an empty profile.")
    @APIResponseSchema(
            value = ProfileDifference.class,
            responseCode = "200",
            responseDescription = "The differing fields, each with both values")
    @APIResponse(responseCode = "400", description = "against is not one of your versions")
    @APIResponse(responseCode = "404", description = "No such version of yours")
    public ProfileDifference changes(
            @PathParam("id") UUID id,
            @Parameter(
                            description = "id of the version to compare with",
                            schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @QueryParam("against")
                    String against) {
        UUID other = null;
        if (against != null && !against.isBlank()) {
            try {
                other = UUID.fromString(against);
            } catch (IllegalArgumentException e) {
                throw InvalidRequest.of("against", "must be the id (a UUID) of one of your profile versions");
            }
        }
        return profiles.changes(user.id(), id, other);
    }

    /** The URLs a patch names, to wait for their upload confirmation before the transaction starts. */
    private static List<String> mediaUrlsIn(ObjectNode body) {
        List<String> urls = new ArrayList<>();
        JsonNode picture = body.get("profile_picture_url");
        if (picture != null && picture.isTextual()) {
            urls.add(picture.asText());
        }
        body.path("progress_photos").forEach(url -> {
            if (url.isTextual()) {
                urls.add(url.asText());
            }
        });
        body.path("story_recordings").forEach(recording -> {
            if (recording.path("url").isTextual()) {
                urls.add(recording.path("url").asText());
            }
        });
        return urls;
    }

    private Response withETag(ProfileVersion version) {
        return ETags.ok(profiles.view(version), ProfileService.etag(version));
    }
}
