package com.vibrationfit.profile.export;

import com.vibrationfit.platform.security.CurrentUser;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URL;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The member's data exports. */
@Path("/api/v1/account/exports")
@Tag(name = "Account", description = "Export all your data as one zip; delete your account")
@SecurityRequirement(name = "bearer")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class AccountExportResource {

    static final int LISTED = 20;

    @Inject
    AccountExportService exports;

    @Inject
    ExportAssembler assembler;

    @Inject
    ExportConfig config;

    @Inject
    CurrentUser user;

    @POST
    @Operation(
            summary = "Export all my data",
            description = "Every service writes its part (profile versions, visions "
                    + "and board, assessments, journal, token usage and VIVA conversations, the list of media) and the archive "
                    + "is assembled with every media file: one zip. Follow the export with GET until `state` is `ready` "
                    + "(seconds) and download it from `download_url`. No body.")
    @APIResponseSchema(
            value = AccountExportView.class,
            responseCode = "202",
            responseDescription = "Export started; Location is the export")
    @APIResponse(responseCode = "409", description = "An export is still being prepared (its id is in the detail)")
    @APIResponse(
            responseCode = "429",
            description = "Three exports were asked for in the last 24 hours; Retry-After "
                    + "says when the next is accepted")
    public Response start() {
        AccountExport export = exports.request(user.id());
        return Response.accepted(view(export))
                .location(URI.create("/api/v1/account/exports/" + export.id()))
                .build();
    }

    @GET
    @Operation(summary = "My exports", description = "The latest 20, newest first.")
    @APIResponse(
            responseCode = "200",
            description = "Exports",
            content =
                    @Content(
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            implementation = AccountExportView.class,
                                            maxItems = LISTED)))
    public List<AccountExportView> list() {
        return exports.list(user.id(), LISTED).stream().map(this::view).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(
            summary = "One export",
            description =
                    "Its state; once ready, a download URL valid for a few minutes " + "(ask again for a fresh one).")
    @APIResponseSchema(value = AccountExportView.class, responseCode = "200", responseDescription = "The export")
    @APIResponse(responseCode = "404", description = "No such export of yours")
    public AccountExportView get(@PathParam("id") UUID id) {
        return view(exports.find(user.id(), id));
    }

    private AccountExportView view(AccountExport export) {
        List<ReceivedPart> parts = exports.parts(export.id());
        if (AccountExport.READY.equals(export.state()) && export.archiveKey() != null) {
            URL url = assembler.downloadUrl(export);
            return AccountExportView.of(export, parts, url, Instant.now().plus(config.downloadUrlTtl()));
        }
        return AccountExportView.of(export, parts, null, null);
    }
}
