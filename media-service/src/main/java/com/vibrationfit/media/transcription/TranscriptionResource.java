package com.vibrationfit.media.transcription;

import com.vibrationfit.platform.errors.NotFound;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
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
public class TranscriptionResource {

    @Inject
    Transcriptions transcriptions;

    @GET
    @Path("/objects/{id}/transcript")
    @Operation(
            summary = "The transcript of an uploaded recording",
            description = "Journal voice notes, journal videos and story recordings are transcribed once their upload"
                    + " is confirmed (paid per minute of audio from your AI tokens, action_type audio_transcription);"
                    + " the journal and the profile copy the transcript into the recordings that reference the"
                    + " upload by themselves.")
    @APIResponseSchema(
            value = TranscriptView.class,
            responseCode = "200",
            responseDescription = "Where the transcription stands")
    @APIResponse(responseCode = "404", description = "No such recording of yours (or not a recording)")
    public TranscriptView get(@PathParam("id") UUID id) {
        return transcriptions.of(id).orElseThrow(() -> new NotFound("transcript of media object", id));
    }
}
