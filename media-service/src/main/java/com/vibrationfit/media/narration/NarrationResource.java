package com.vibrationfit.media.narration;

import com.vibrationfit.platform.security.CurrentUser;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
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
@Tag(name = "Vision narration", description = "Text-to-speech audio of each vision section")
@SecurityRequirement(name = "bearer")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NarrationResource {

    @Inject
    NarrationService narration;

    @Inject
    CurrentUser user;

    @GET
    @Path("/visions/{vision_id}/audio")
    @Operation(
            summary = "The current track of each section of my vision",
            description = "status, duration and, "
                    + "once completed, a short-lived play_url. current is false while a newer text awaits narration. "
                    + "A vision of yours media-service knows (from vision events) but has not narrated yet (a draft, "
                    + "or a vision just completed) has no tracks yet: an empty list.")
    @APIResponseSchema(
            value = VisionAudio.class,
            responseCode = "200",
            responseDescription = "The tracks, in reading order; empty until a section is narrated")
    @APIResponse(
            responseCode = "404",
            description = "No vision of yours known to media-service (not yours, unknown, or its first event not "
                    + "consumed yet)")
    public VisionAudio audio(@PathParam("vision_id") UUID visionId) {
        return new VisionAudio(visionId, narration.audioOf(user.id(), visionId));
    }

    @POST
    @Path("/visions/{vision_id}/audio/regenerate")
    @Operation(
            summary = "Narrate sections now",
            description =
                    "Drafts included; optionally only some sections "
                            + "and another voice. A section whose track already speaks the same text in the same voice (or is "
                            + "queued to) is not synthesised again unless force is true. At most 10 accepted requests per member "
                            + "and hour (vf.narration.regenerate.*). Narration runs in the background: poll the audio endpoint.")
    @APIResponseSchema(
            value = VisionAudio.class,
            responseCode = "202",
            responseDescription = "Queued; the tracks as they stand")
    @APIResponse(responseCode = "400", description = "Unknown section keys or an invalid voice_id")
    @APIResponse(responseCode = "404", description = "No vision of yours known to media-service")
    @APIResponse(responseCode = "429", description = "Too many regenerate requests; Retry-After says when to ask again")
    public Response regenerate(@PathParam("vision_id") UUID visionId, @Valid NewRegeneration body) {
        NewRegeneration request = body == null ? new NewRegeneration(null, null, null) : body;
        return Response.accepted(new VisionAudio(
                        visionId,
                        narration.regenerate(
                                user.id(), visionId, request.sections(), request.voiceId(), request.forced())))
                .build();
    }

    @POST
    @Path("/tracks/{id}/retry")
    @Operation(summary = "Retry a failed track")
    @APIResponse(responseCode = "409", description = "The track has not failed")
    @APIResponseSchema(value = AudioTrackView.class, responseCode = "202", responseDescription = "Queued again")
    public Response retry(@PathParam("id") UUID id) {
        return Response.accepted(narration.retry(user.id(), id)).build();
    }
}
