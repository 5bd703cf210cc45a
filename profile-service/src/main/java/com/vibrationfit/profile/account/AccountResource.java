package com.vibrationfit.profile.account;

import com.vibrationfit.platform.errors.InvalidRequest;
import com.vibrationfit.platform.security.CurrentUser;
import com.vibrationfit.platform.security.SystemContext;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The member's own account. */
@Path("/api/v1/account")
@Tag(name = "Account", description = "Delete your account (every service purges your data within seconds)")
@SecurityRequirement(name = "bearer")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountResource {

    @Inject
    AccountDeletionService deletions;

    @Inject
    CurrentUser user;

    @Inject
    JsonWebToken token;

    @DELETE
    @Operation(
            summary = "Delete my account",
            description = "Body {\"confirm\": \"<your username>\"}. The login is deleted "
                    + "from the identity provider (refreshing a token fails at once; access tokens stop working when "
                    + "`user.deleted` reaches each service) and every service purges your data and files within seconds. "
                    + "Asking again changes nothing.")
    @APIResponseSchema(value = DeletionView.class, responseCode = "202", responseDescription = "Deletion under way")
    @APIResponse(responseCode = "400", description = "confirm missing or not your username")
    public Response delete(@Valid NewDeletion body) {
        InvalidRequest.requireBody(body, "{\"confirm\": \"<your username>\"}");
        UUID me = user.id();
        Object username = token.getClaim("preferred_username");
        if (body.confirm() == null || username == null || !body.confirm().equals(username.toString())) {
            throw InvalidRequest.of("confirm", "must be your username, exactly");
        }
        AccountDeletion deletion = SystemContext.call(
                "account deletion by its member", () -> deletions.request(me, AccountDeletion.BY_MEMBER, null));
        return Response.accepted(DeletionView.of(deletion)).build();
    }
}
