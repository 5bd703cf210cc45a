package com.vibrationfit.media.objects;

import com.vibrationfit.platform.errors.InvalidRequest;
import com.vibrationfit.platform.security.CurrentUser;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/media")
@Tag(name = "Media uploads", description = "Direct-to-S3 uploads with presigned URLs")
@SecurityRequirement(name = "bearer")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UploadResource {

    @Inject
    UploadService uploads;

    @Inject
    CurrentUser user;

    @POST
    @Path("/uploads")
    @Operation(
            summary = "Start an upload",
            description = "Checks purpose, content type and size against the "
                    + "allow-list and the declared size against what is left of your storage quota (uploaded objects plus "
                    + "open uploads; default 5 GiB), then answers a presigned PUT URL (valid 5 minutes) with the headers "
                    + "to send. The headers include If-None-Match: * : the URL creates the object once and cannot replace "
                    + "it (a second PUT answers 412). An upload not completed within 15 minutes after expires_at expires "
                    + "and is removed.")
    @APIResponse(responseCode = "400", description = "Type or size not accepted for the purpose")
    @APIResponse(
            responseCode = "422",
            description = "Storage quota exceeded (problem type storage-quota-exceeded): "
                    + "the error on size_bytes says how many bytes are left")
    @APIResponseSchema(value = UploadTicket.class, responseCode = "201", responseDescription = "Upload ticket")
    public Response start(@Valid NewUpload body) {
        if (body == null) {
            throw InvalidRequest.of("body", "purpose, content_type and size_bytes are required");
        }
        UploadTicket ticket = uploads.start(user.id(), body);
        return Response.status(201).entity(ticket).build();
    }

    @POST
    @Path("/uploads/{id}/complete")
    @Operation(
            summary = "Confirm an upload",
            description =
                    "Checks that S3 holds the object with the declared size "
                            + "and type and records it (with S3's ETag). Final: completing an uploaded object again answers it unchanged.")
    @APIResponse(responseCode = "422", description = "Nothing uploaded, or size/type differ")
    @APIResponse(
            responseCode = "409",
            description = "The upload expired before it was completed (404 once it was swept)")
    @APIResponse(responseCode = "404", description = "No such upload of yours")
    @APIResponseSchema(
            value = MediaObjectView.class,
            responseCode = "200",
            responseDescription = "The object, uploaded, with a short-lived download_url")
    public MediaObjectView complete(@PathParam("id") UUID id) {
        return uploads.view(uploads.complete(user.id(), id));
    }

    @GET
    @Path("/objects/{id}")
    @Operation(summary = "Metadata of an object, with a short-lived download URL")
    @APIResponse(responseCode = "404", description = "No such object of yours")
    @APIResponseSchema(
            value = MediaObjectView.class,
            responseCode = "200",
            responseDescription = "The object; download_url once uploaded")
    public MediaObjectView get(@PathParam("id") UUID id) {
        return uploads.view(uploads.get(user.id(), id));
    }

    @DELETE
    @Path("/objects/{id}")
    @Operation(summary = "Delete an object and its bytes")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") UUID id) {
        uploads.delete(user.id(), id);
        return Response.noContent().build();
    }
}
